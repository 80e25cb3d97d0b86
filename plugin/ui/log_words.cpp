#include "log_words.h"

#include <boost/locale/message.hpp>

namespace rapport::ui {

namespace bl = boost::locale;

std::string logKindName(LogKind kind, const std::locale& loc)
{
    switch (kind) {
    case LogKind::Request:
        // TRANSLATORS: a kind of client log entry: the client asked for something.
        return bl::translate("log kind", "Request").str(loc);
    case LogKind::ChangeRequest:
        // TRANSLATORS: a kind of client log entry: the client asked to change what was agreed (the scope).
        return bl::translate("log kind", "Change request").str(loc);
    case LogKind::Complaint:
        // TRANSLATORS: a kind of client log entry: the client complained.
        return bl::translate("log kind", "Complaint").str(loc);
    case LogKind::Approval:
        // TRANSLATORS: a kind of client log entry: the client approved something.
        return bl::translate("log kind", "Approval").str(loc);
    case LogKind::Feedback:
        // TRANSLATORS: a kind of client log entry: the client's opinion on the work.
        return bl::translate("log kind", "Feedback").str(loc);
    case LogKind::Question:
        // TRANSLATORS: a kind of client log entry: the client asked a question.
        return bl::translate("log kind", "Question").str(loc);
    }
    return {};
}

std::string logChannelName(LogChannel channel, const std::locale& loc)
{
    switch (channel) {
    case LogChannel::Call:
        // TRANSLATORS: how the client spoke to us: a phone or video call.
        return bl::translate("log channel", "Call").str(loc);
    case LogChannel::Email:
        // TRANSLATORS: how the client spoke to us.
        return bl::translate("log channel", "Email").str(loc);
    case LogChannel::Meeting:
        // TRANSLATORS: how the client spoke to us: in person or an online meeting.
        return bl::translate("log channel", "Meeting").str(loc);
    case LogChannel::Message:
        // TRANSLATORS: how the client spoke to us: a chat or text message.
        return bl::translate("log channel", "Message").str(loc);
    }
    return {};
}

std::string outcomeText(ChangeOutcome outcome, const std::locale& loc)
{
    switch (outcome) {
    case ChangeOutcome::None: return {};
    case ChangeOutcome::Awaiting:
        // TRANSLATORS: a change request in the client log: the client has yet to decide on it (price, time).
        return bl::translate("awaiting a decision").str(loc);
    case ChangeOutcome::Accepted:
        // TRANSLATORS: a change request in the client log: taken into the work.
        return bl::translate("change request", "accepted").str(loc);
    case ChangeOutcome::Declined:
        // TRANSLATORS: a change request in the client log: not taken into the work.
        return bl::translate("change request", "declined").str(loc);
    }
    return {};
}

std::string promiseStateText(PromiseState state, const std::locale& loc)
{
    switch (state) {
    case PromiseState::Open:
        // TRANSLATORS: a promise in the client log: not done yet, not yet late.
        return bl::translate("promise", "open").str(loc);
    case PromiseState::KeptOnTime:
        // TRANSLATORS: a promise in the client log.
        return bl::translate("kept on time").str(loc);
    case PromiseState::KeptLate:
        // TRANSLATORS: a promise in the client log: done, but after its date.
        return bl::translate("kept late").str(loc);
    case PromiseState::Broken:
        // TRANSLATORS: a promise in the client log: its date has passed and it is not done.
        return bl::translate("broken: overdue").str(loc);
    case PromiseState::Reopened:
        // TRANSLATORS: a promise in the client log: it was done, then marked not done again.
        return bl::translate("reopened").str(loc);
    case PromiseState::Withdrawn:
        // TRANSLATORS: a promise in the client log whose checklist item was deleted or marked not applicable.
        return bl::translate("withdrawn").str(loc);
    }
    return {};
}

} // namespace rapport::ui
