// Building a report from a checklist, its snapshot XML, and the diff of two snapshots.
// The renderers are in report_render.cpp; the Unicode helpers in report_unicode.cpp.
#include "report.h"

#include "calendar.h"
#include "client_log.h"

#include "text_rules.h"

#include "item_text.h"

#include "report_unicode.h"

#include <boost/locale/format.hpp>
#include <boost/locale/message.hpp>
#include <pugixml.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <climits>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <unordered_map>

namespace rapport {

namespace bl = boost::locale;

namespace {

// Days counted for "upcoming deadlines".
constexpr int kUpcomingDays = 14;

// The chart's slices, in reading order: finished work first, then what remains.
constexpr std::array<ItemStatus, 6> kChartOrder{ItemStatus::Done,    ItemStatus::InProgress, ItemStatus::WaitingOnClient,
                                                 ItemStatus::Blocked, ItemStatus::ToDo,       ItemStatus::NotApplicable};

std::optional<std::chrono::sys_days> parseDate(std::string_view text)
{
    if (text.empty() || !isDateOrEmpty(text))
        return std::nullopt;
    const auto number = [&](std::size_t at, std::size_t length) {
        int value = 0;
        for (std::size_t i = at; i < at + length; ++i)
            value = value * 10 + (text[i] - '0');
        return value;
    };
    const std::chrono::year_month_day day{std::chrono::year{number(0, 4)},
                                          std::chrono::month{static_cast<unsigned>(number(5, 2))},
                                          std::chrono::day{static_cast<unsigned>(number(8, 2))}};
    return std::chrono::sys_days{day};
}

std::string isoDate(std::chrono::sys_days day)
{
    const std::chrono::year_month_day ymd{day};
    char text[48];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return text;
}

std::chrono::sys_days dayOf(std::int64_t unix_seconds)
{
    return std::chrono::floor<std::chrono::days>(std::chrono::sys_seconds{std::chrono::seconds{unix_seconds}});
}

// Boost.Locale 1.74 picks the plural form from an int.
int pluralCount(long long n) { return n > INT_MAX ? INT_MAX : (n < INT_MIN ? INT_MIN : static_cast<int>(n)); }

// Everything buildReport needs to say something in the report's language.
// The most characters of one piece of user text a report shows: a hundred times the
// longest title Rapport accepts, ten times the longest note (text_rules.h).
constexpr std::size_t kMaxReportText = 200000;

class Phrases {
public:
    Phrases(const Localization& localization, Language language)
        : localization_(localization), language_(language), locale_(localization.locale(language))
    {
    }

    std::string operator()(const bl::message& message) const { return message.str(locale_); }
    std::string format(const bl::message& message, const std::vector<std::string>& arguments) const
    {
        bl::format pattern(message);
        for (const auto& argument : arguments)
            pattern % argument;
        return pattern.str(locale_);
    }
    template <class... Numbers>
    std::string formatNumbers(const bl::message& message, Numbers... numbers) const
    {
        bl::format pattern(message);
        (pattern % ... % numbers);
        return pattern.str(locale_);
    }
    // Many items share a date, and ICU date formatting is the costliest step of a build.
    const std::string& date(std::chrono::sys_days day) const
    {
        auto [slot, added] = dates_.try_emplace(day.time_since_epoch().count());
        if (added)
            slot->second = localization_.formatDate(language_, day);
        return slot->second;
    }
    const std::locale& locale() const { return locale_; }

    std::string status(ItemStatus status) const
    {
        switch (status) {
        case ItemStatus::ToDo: return (*this)(bl::translate("report", "To do"));
        case ItemStatus::InProgress: return (*this)(bl::translate("report", "In progress"));
        // TRANSLATORS: an item's status in a report for the client: the client has to act on it.
        case ItemStatus::WaitingOnClient: return (*this)(bl::translate("report", "Waiting on client"));
        case ItemStatus::Blocked: return (*this)(bl::translate("report", "Blocked"));
        case ItemStatus::Done: return (*this)(bl::translate("report", "Done"));
        case ItemStatus::NotApplicable: return (*this)(bl::translate("report", "Not applicable"));
        }
        return {};
    }

    // The user's `text` as a report carries it: valid UTF-8 without forbidden controls
    // (sanitizeUtf8), and at most kMaxReportText characters. Text Rapport accepts today
    // is far shorter (text_rules.h); a store from before those limits could hold megabytes
    // in one field, which would make a report take minutes. Such text is cut, and the
    // report says how much is missing: it is never shortened silently.
    std::string userText(std::string_view text) const
    {
        std::string clean = sanitizeUtf8(text);
        if (clean.size() <= kMaxReportText)
            return clean;
        const std::size_t characters = countCharacters(clean);
        if (characters <= kMaxReportText)
            return clean;
        std::size_t cut = 0;
        for (std::size_t kept = 0; cut < clean.size(); ++cut) {
            if ((static_cast<unsigned char>(clean[cut]) & 0xC0u) != 0x80u && kept++ == kMaxReportText)
                break; // the first character that does not fit
        }
        clean.resize(cut);
        // TRANSLATORS: ends a text too long for a report; {1} is how many characters were left out.
        return clean + " … " +
               formatNumbers(bl::translate("[{1,num} more character not shown]", "[{1,num} more characters not shown]",
                                           static_cast<int>(std::min<std::size_t>(characters - kMaxReportText, INT_MAX))),
                             characters - kMaxReportText);
    }

private:
    const Localization& localization_;
    Language language_;
    const std::locale& locale_;
    mutable std::unordered_map<std::int64_t, std::string> dates_;
};

std::string bcp47Tag(Language language)
{
    std::string code(languageCode(language));
    std::replace(code.begin(), code.end(), '_', '-');
    return code;
}

// When each item last became Done after `since` (or at any time when `since` is unset).
std::unordered_map<std::int64_t, std::int64_t> completionTimes(const std::vector<HistoryEntry>& history,
                                                               std::optional<std::int64_t> since)
{
    std::unordered_map<std::int64_t, std::int64_t> done;
    const std::string doneWord(statusKeyword(ItemStatus::Done));
    for (const HistoryEntry& entry : history) {
        if (entry.item_id == 0 || entry.field != "status" || entry.new_value != doneWord)
            continue;
        if (since && entry.at <= *since)
            continue;
        auto& at = done[entry.item_id];
        at = std::max(at, entry.at);
    }
    return done;
}

// The client log's part of a report: "You asked → we did" (requests, complaints and
// decided change requests since the last report, and what became of each), the change
// requests awaiting the client's decision, and "Promises kept: N of M on time" among the
// facts. Internal entries never appear.
void addClientLog(ReportContent& report, const Phrases& say, const Checklist& checklist,
                  const std::vector<HistoryEntry>& history, const TemplateLibrary& templates,
                  const ReportRequest& request)
{
    const std::string since = request.previous_report_at ? localDate(*request.previous_report_at) : std::string();
    const auto dateOf = [&](std::string_view day) {
        const auto parsed = parseDate(day);
        return parsed ? say.date(*parsed) : std::string(day);
    };
    // TRANSLATORS: a report's heading: what the client asked for since the last report, and what we did about it.
    ReportBlock asked{"you-asked", say(bl::translate("You asked → we did")), {}, {}};
    // TRANSLATORS: a report's heading: changes the client asked for, on which the client has to decide.
    ReportBlock awaiting{"awaiting-decision", say(bl::translate("Awaiting your decision")), {}, {}};
    // Each promise judged against the few rows that undid a Done, not the whole history
    // (1,000 promises over 10,000 rows: 15 ms less).
    const std::vector<HistoryEntry> undone = promiseHistoryOf(history);
    std::vector<LogEntry> visible;
    for (const LogEntry& entry : request.client_log) {
        if (entry.internal)
            continue;
        visible.push_back(entry);
        const bool changeRequest = entry.kind == LogKind::ChangeRequest;
        const bool awaitingDecision = changeRequest && entry.outcome == ChangeOutcome::Awaiting;
        const bool asks = entry.kind == LogKind::Request || entry.kind == LogKind::Complaint || changeRequest;
        if (!awaitingDecision && (!asks || std::string(logDate(entry)) < since))
            continue;
        ReportItem item;
        item.title = say.userText(entry.said);
        std::vector<std::string> parts;
        // TRANSLATORS: in a report, when the client asked something; {1} is a date.
        parts.push_back(say.format(bl::translate("asked on {1}"), {dateOf(logDate(entry))}));
        if (!entry.answer.empty())
            // TRANSLATORS: in a report, our answer to what the client asked; {1} is the answer as the user wrote it.
            parts.push_back(say.format(bl::translate("our answer: {1}"), {say.userText(entry.answer)}));
        item.status = ItemStatus::ToDo;
        if (entry.promise_item_id != 0) {
            const auto promised = std::find_if(checklist.items.begin(), checklist.items.end(),
                                               [&](const ChecklistItem& i) { return i.id == entry.promise_item_id; });
            if (promised != checklist.items.end() && !promised->due.empty())
                // TRANSLATORS: in a report; {1} is what we promised (an item's text), {2} its due date.
                parts.push_back(say.format(bl::translate("we promised: {1}, by {2}"),
                                           {say.userText(itemTitle(templates, *promised, say.locale())), dateOf(promised->due)}));
            else if (promised != checklist.items.end())
                // TRANSLATORS: in a report; {1} is what we promised (an item's text).
                parts.push_back(say.format(bl::translate("we promised: {1}"), {say.userText(itemTitle(templates, *promised, say.locale()))}));
        }
        if (!entry.resolution.empty())
            // TRANSLATORS: in a report, how a complaint or request was resolved; {1} is the user's words.
            parts.push_back(say.format(bl::translate("resolved: {1}"), {say.userText(entry.resolution)}));
        if (entry.outcome == ChangeOutcome::Declined)
            // TRANSLATORS: in a report, why we declined a change the client asked for; {1} is the user's words.
            parts.push_back(say.format(bl::translate("declined because: {1}"), {say.userText(entry.decline_reason)}));
        for (std::size_t i = 0; i < parts.size(); ++i)
            item.detail += (i == 0 ? "" : "; ") + parts[i];

        if (changeRequest) {
            switch (entry.outcome) {
            case ChangeOutcome::Accepted:
                item.status = ItemStatus::Done;
                // TRANSLATORS: the state of a change the client asked for, in a report.
                item.status_word = say(bl::translate("Change accepted"));
                break;
            case ChangeOutcome::Declined:
                item.status = ItemStatus::NotApplicable;
                // TRANSLATORS: the state of a change the client asked for, in a report.
                item.status_word = say(bl::translate("Change declined"));
                break;
            default:
                item.status = ItemStatus::WaitingOnClient;
                // TRANSLATORS: the state of a change the client asked for, in a report: the client decides.
                item.status_word = say(bl::translate("Change awaiting your decision"));
                break;
            }
        } else if (entry.promise_item_id != 0) {
            switch (promiseState(promiseFactsOf(checklist, undone, entry.promise_item_id), report.today)) {
            case PromiseState::KeptOnTime:
                item.status = ItemStatus::Done;
                // TRANSLATORS: the state of a promise, in a report.
                item.status_word = say(bl::translate("Done on time"));
                break;
            case PromiseState::KeptLate:
                item.status = ItemStatus::Done;
                // TRANSLATORS: the state of a promise, in a report.
                item.status_word = say(bl::translate("Done late"));
                break;
            case PromiseState::Broken:
                item.status = ItemStatus::Blocked;
                // TRANSLATORS: the state of a promise, in a report: past its date and not done.
                item.status_word = say(bl::translate("Overdue"));
                break;
            case PromiseState::Withdrawn:
                item.status = ItemStatus::NotApplicable;
                item.status_word = say.status(ItemStatus::NotApplicable);
                break;
            default:
                item.status = ItemStatus::InProgress;
                item.status_word = say.status(ItemStatus::InProgress);
                break;
            }
        } else if (!entry.resolution.empty()) {
            item.status = ItemStatus::Done;
            // TRANSLATORS: the state of a request or complaint, in a report.
            item.status_word = say(bl::translate("Resolved"));
        } else {
            // TRANSLATORS: the state of a request or complaint, in a report: nothing was done about it yet.
            item.status_word = say(bl::translate("Open"));
        }
        (awaitingDecision ? awaiting : asked).items.push_back(std::move(item));
    }
    const PromiseFigures promises = promiseFiguresOf(visible, checklist, undone, report.today, false);
    if (promises.judged() > 0)
        // TRANSLATORS: a report's fact: "Promises kept" then e.g. "7 of 8 on time".
        report.facts.push_back({say(bl::translate("Promises kept")),
                                say.formatNumbers(bl::translate("{1,num} of {2,num} on time"), promises.kept_on_time,
                                                  promises.judged())});
    for (ReportBlock* block : {&asked, &awaiting})
        if (!block->items.empty())
            report.blocks.push_back(std::move(*block));
}

} // namespace

std::string_view reportFormatKeyword(ReportFormat format)
{
    switch (format) {
    case ReportFormat::Html: return "html";
    case ReportFormat::Markdown: return "md";
    case ReportFormat::Text: return "txt";
    case ReportFormat::Pdf: return "pdf";
    }
    return "html";
}

std::optional<ReportFormat> parseReportFormat(std::string_view keyword)
{
    for (ReportFormat format : {ReportFormat::Html, ReportFormat::Markdown, ReportFormat::Text, ReportFormat::Pdf})
        if (reportFormatKeyword(format) == keyword)
            return format;
    return std::nullopt;
}

ReportContent buildReport(const Checklist& checklist, const std::vector<HistoryEntry>& history,
                          const TemplateLibrary& templates, const Localization& localization,
                          const ReportRequest& request)
{
    const Phrases say(localization, request.language);
    const auto today = parseDate(request.today).value_or(dayOf(request.now));
    const auto daysFromToday = [&](std::chrono::sys_days day) { return (day - today).count(); };

    ReportContent report;
    report.language = request.language;
    report.language_code = bcp47Tag(request.language);
    // TRANSLATORS: the title of a progress report sent to a client.
    report.title = say(bl::translate("Progress report"));
    report.progress_heading = say(bl::translate("Overall progress"));
    // TRANSLATORS: the accessible name of the report's chart, read out by screen readers.
    report.chart_label = say(bl::translate("Items by status"));
    report.facts_heading = say(bl::translate("Key dates and figures"));
    // TRANSLATORS: a label before the note the user wrote on one item of the report.
    report.note_label = say(bl::translate("report", "Note"));
    report.document_name = sanitizeUtf8(std::filesystem::path(checklist.document_path).filename().string());
    report.today = isoDate(today);
    report.date_text = say.date(today);
    report.summary_heading = say(bl::translate("Summary"));
    report.summary = say.userText(request.summary);
    report.next_steps_heading = say(bl::translate("Next steps"));
    report.next_steps = say.userText(request.next_steps);

    // Every client-visible item, in checklist order.
    std::array<std::size_t, 6> perStatus{};
    std::size_t counted = 0;
    std::size_t done = 0;
    for (const ChecklistItem& source : checklist.items) {
        if (source.internal)
            continue;
        ReportItem item;
        item.item_id = source.id;
        item.title = say.userText(itemTitle(templates, source, say.locale()));
        item.status = source.status;
        item.status_word = say.status(source.status);
        if (const auto due = parseDate(source.due)) {
            item.due = source.due;
            item.due_text = say.date(*due);
        }
        item.client_owned = source.owner == Owner::Client;
        item.note = say.userText(source.note);
        ++perStatus[static_cast<std::size_t>(source.status)];
        if (source.status != ItemStatus::NotApplicable)
            ++counted;
        if (source.status == ItemStatus::Done)
            ++done;
        report.items.push_back(std::move(item));
    }
    report.percent_done = counted == 0 ? 0 : static_cast<int>(done * 100 / counted);
    report.progress_text = say.formatNumbers(
        // TRANSLATORS: overall progress; {1} items done of {2} that count, {3} the percentage.
        // Write the percent sign where your language puts it (Turkish: %{3}).
        bl::translate("{1,num} of {2,num} item done ({3}%)", "{1,num} of {2,num} items done ({3}%)",
                      pluralCount(static_cast<long long>(counted))),
        done, counted, report.percent_done);
    for (ItemStatus status : kChartOrder)
        report.chart.push_back(ReportChartSlice{status, say.status(status), perStatus[static_cast<std::size_t>(status)]});

    // Facts: only those the user has set.
    if (!checklist.client_name.empty())
        // TRANSLATORS: a report fact: who the work is for (the client's name follows).
        report.facts.push_back({say(bl::translate("Client")), checklist.client_name});
    if (const auto next = parseDate(checklist.next_update_due))
        report.facts.push_back({say(bl::translate("Next update")), say.date(*next)});
    if (checklist.revision_rounds_agreed) {
        // TRANSLATORS: a report fact: the rounds of changes the client asked for, of those agreed.
        std::string label = say(bl::translate("Revision rounds"));
        std::string value = say.formatNumbers(
            // TRANSLATORS: revision rounds: {1} used so far of {2} agreed in the contract.
            bl::translate("{1} of {2} round used", "{1} of {2} rounds used", *checklist.revision_rounds_agreed),
            checklist.revision_rounds_used, *checklist.revision_rounds_agreed);
        report.facts.push_back({std::move(label), std::move(value)});
    }
    if (const auto deadline = parseDate(checklist.deadline))
        report.facts.push_back({say(bl::translate("Project deadline")), say.date(*deadline)});

    // The blocks.
    const auto completedAt = completionTimes(history, request.previous_report_at);
    const auto completedEver = request.previous_report_at ? completionTimes(history, std::nullopt) : completedAt;
    ReportBlock completed{"completed",
                          request.previous_report_at ? say(bl::translate("Completed since the last report"))
                                                     : say(bl::translate("Completed")),
                          request.previous_report_at ? say(bl::translate("Nothing was completed since the last report."))
                                                     : say(bl::translate("Nothing is completed yet.")),
                          {}};
    ReportBlock inProgress{"in-progress", say(bl::translate("report", "In progress")),
                           say(bl::translate("Nothing is in progress right now.")), {}};
    // TRANSLATORS: a report heading, addressed to the client: what waits for the client's answer or material.
    ReportBlock waiting{"waiting-on-client", say(bl::translate("Waiting for you")),
                        say(bl::translate("Nothing is waiting for you.")), {}};
    ReportBlock blocked{"blocked", say(bl::translate("report", "Blocked")), say(bl::translate("Nothing is blocked.")), {}};
    // TRANSLATORS: a report heading: items late because of us (the sender), not because of the client.
    ReportBlock overdue{"overdue", say(bl::translate("Overdue on our side")),
                        say(bl::translate("Nothing is overdue.")), {}};
    ReportBlock upcoming{"upcoming",
                         say.formatNumbers(bl::translate("Deadlines in the next {1} day", "Deadlines in the next {1} days",
                                                         kUpcomingDays),
                                           kUpcomingDays),
                         say(bl::translate("No deadlines in the coming days.")), {}};

    std::size_t index = 0;
    for (const ChecklistItem& source : checklist.items) {
        if (source.internal)
            continue;
        const ReportItem& item = report.items[index++];
        const auto due = parseDate(source.due);
        const std::string reason = say.userText(source.status_reason);

        if (source.status == ItemStatus::Done) {
            const bool sincePrevious = completedAt.count(source.id) != 0;
            if (!request.previous_report_at || sincePrevious) {
                ReportItem entry = item;
                if (const auto when = completedEver.find(source.id); when != completedEver.end())
                    entry.detail = say.format(bl::translate("done on {1}"), {say.date(dayOf(when->second))});
                completed.items.push_back(std::move(entry));
            }
        }
        if (source.status == ItemStatus::InProgress) {
            ReportItem entry = item;
            if (due)
                entry.detail = say.format(bl::translate("due {1}"), {item.due_text});
            inProgress.items.push_back(std::move(entry));
        }
        if (source.status == ItemStatus::WaitingOnClient) {
            ReportItem entry = item;
            if (source.status_since) {
                const long long days = std::max<long long>(0, (request.now - *source.status_since) / 86400);
                const std::string since = say.date(dayOf(*source.status_since));
                if (days == 0)
                    entry.detail = reason.empty() ? say.format(bl::translate("since {1}"), {since})
                                                  // TRANSLATORS: {1} the date an item began to wait for the client,
                                                  // {2} the reason the user gave.
                                                  : say.format(bl::translate("since {1}: {2}"),
                                                               {since, unicode::isolate(reason)});
                else
                    entry.detail = reason.empty()
                                       // TRANSLATORS: {1} the date an item began to wait for the client,
                                       // {2} how many days ago that was.
                                       ? say.formatNumbers(bl::translate("since {1} ({2} day)", "since {1} ({2} days)",
                                                                         pluralCount(days)),
                                                           since, days)
                                       // TRANSLATORS: {1} the date an item began to wait for the client,
                                       // {2} how many days ago that was, {3} the reason the user gave.
                                       : say.formatNumbers(bl::translate("since {1} ({2} day): {3}",
                                                                         "since {1} ({2} days): {3}", pluralCount(days)),
                                                           since, days, unicode::isolate(reason));
            } else {
                entry.detail = unicode::isolate(reason);
            }
            waiting.items.push_back(std::move(entry));
        }
        if (source.status == ItemStatus::Blocked) {
            ReportItem entry = item;
            entry.detail = unicode::isolate(reason);
            blocked.items.push_back(std::move(entry));
        }
        const bool open = source.status != ItemStatus::Done && source.status != ItemStatus::NotApplicable;
        if (due && open && *due < today && source.status != ItemStatus::WaitingOnClient) {
            ReportItem entry = item;
            const long long late = -daysFromToday(*due);
            // TRANSLATORS: {1} the due date, {2} how many days late it is.
            entry.detail = say.formatNumbers(bl::translate("due {1}, {2} day late", "due {1}, {2} days late",
                                                           pluralCount(late)),
                                             item.due_text, late);
            overdue.items.push_back(std::move(entry));
        }
        if (due && open && *due >= today && daysFromToday(*due) <= kUpcomingDays) {
            ReportItem entry = item;
            const long long left = daysFromToday(*due);
            entry.detail = left == 0 ? say.format(bl::translate("due {1}, today"), {item.due_text})
                                     // TRANSLATORS: {1} the due date, {2} the number of days until then.
                                     : say.formatNumbers(bl::translate("due {1}, in {2} day", "due {1}, in {2} days",
                                                                       pluralCount(left)),
                                                         item.due_text, left);
            upcoming.items.push_back(std::move(entry));
        }
    }
    // Soonest deadline first; the most overdue first.
    std::stable_sort(upcoming.items.begin(), upcoming.items.end(),
                     [](const ReportItem& a, const ReportItem& b) { return a.due < b.due; });
    std::stable_sort(overdue.items.begin(), overdue.items.end(),
                     [](const ReportItem& a, const ReportItem& b) { return a.due < b.due; });
    report.blocks = {std::move(completed), std::move(inProgress), std::move(waiting),
                     std::move(blocked),   std::move(overdue),    std::move(upcoming)};
    addClientLog(report, say, checklist, history, templates, request);
    // TRANSLATORS: the report's last line; {1} is the date it was made.
    report.footer = say.format(bl::translate("Made with Rapport on {1}"), {report.date_text});
    return report;
}

// ---------------------------------------------------------------------------------
// Snapshot XML

namespace {

constexpr int kReportXmlVersion = 1;
// Snapshots are written by Rapport; anything this large is not one.
constexpr std::size_t kMaxReportXmlBytes = 64 * 1024 * 1024;

void textChild(pugi::xml_node parent, const char* name, const std::string& value)
{
    parent.append_child(name).append_child(pugi::node_pcdata).set_value(value.c_str());
}

void writeItem(pugi::xml_node parent, const ReportItem& item)
{
    pugi::xml_node node = parent.append_child("item");
    node.append_attribute("id").set_value(static_cast<long long>(item.item_id));
    node.append_attribute("status").set_value(std::string(statusKeyword(item.status)).c_str());
    node.append_attribute("client-owned").set_value(item.client_owned);
    textChild(node, "title", item.title);
    textChild(node, "status-word", item.status_word);
    textChild(node, "due", item.due);
    textChild(node, "due-text", item.due_text);
    textChild(node, "detail", item.detail);
    textChild(node, "note", item.note);
}

std::string readText(const pugi::xml_node& parent, const char* name) { return parent.child(name).text().as_string(); }

bool readItem(const pugi::xml_node& node, ReportItem& item)
{
    item.item_id = node.attribute("id").as_llong();
    const auto status = parseStatusKeyword(node.attribute("status").as_string());
    if (!status || !node.attribute("id"))
        return false;
    item.status = *status;
    item.client_owned = node.attribute("client-owned").as_bool();
    item.title = readText(node, "title");
    item.status_word = readText(node, "status-word");
    item.due = readText(node, "due");
    item.due_text = readText(node, "due-text");
    item.detail = readText(node, "detail");
    item.note = readText(node, "note");
    return true;
}

struct StringWriter : pugi::xml_writer {
    std::string text;
    void write(const void* data, std::size_t size) override { text.append(static_cast<const char*>(data), size); }
};

Error xmlError(std::string detail) { return Error{ErrorCode::InvalidArgument, "report snapshot", std::move(detail)}; }

} // namespace

namespace {

// The report's plain text fields and their snapshot element names, for writing and reading alike.
constexpr std::pair<const char*, std::string ReportContent::*> kTextFields[] = {
    {"language-code", &ReportContent::language_code},
    {"title", &ReportContent::title},
    {"progress-heading", &ReportContent::progress_heading},
    {"chart-label", &ReportContent::chart_label},
    {"facts-heading", &ReportContent::facts_heading},
    {"note-label", &ReportContent::note_label},
    {"document-name", &ReportContent::document_name},
    {"date-text", &ReportContent::date_text},
    {"today", &ReportContent::today},
    {"progress-text", &ReportContent::progress_text},
    {"summary-heading", &ReportContent::summary_heading},
    {"summary", &ReportContent::summary},
    {"next-steps-heading", &ReportContent::next_steps_heading},
    {"next-steps", &ReportContent::next_steps},
    {"footer", &ReportContent::footer},
};

} // namespace

std::string reportToXml(const ReportContent& report)
{
    pugi::xml_document doc;
    pugi::xml_node root = doc.append_child("rapport-report");
    root.append_attribute("format").set_value(kReportXmlVersion);
    root.append_attribute("language").set_value(std::string(languageCode(report.language)).c_str());
    root.append_attribute("percent-done").set_value(report.percent_done);
    for (const auto& [name, member] : kTextFields)
        textChild(root, name, report.*member);
    pugi::xml_node chart = root.append_child("chart");
    for (const ReportChartSlice& slice : report.chart) {
        pugi::xml_node node = chart.append_child("slice");
        node.append_attribute("status").set_value(std::string(statusKeyword(slice.status)).c_str());
        node.append_attribute("count").set_value(static_cast<unsigned long long>(slice.count));
        node.append_child(pugi::node_pcdata).set_value(slice.label.c_str());
    }
    pugi::xml_node facts = root.append_child("facts");
    for (const ReportFact& fact : report.facts) {
        pugi::xml_node node = facts.append_child("fact");
        textChild(node, "label", fact.label);
        textChild(node, "value", fact.value);
    }
    pugi::xml_node blocks = root.append_child("blocks");
    for (const ReportBlock& block : report.blocks) {
        pugi::xml_node node = blocks.append_child("block");
        node.append_attribute("key").set_value(block.key.c_str());
        textChild(node, "heading", block.heading);
        textChild(node, "empty-text", block.empty_text);
        for (const ReportItem& item : block.items)
            writeItem(node, item);
    }
    pugi::xml_node items = root.append_child("items");
    for (const ReportItem& item : report.items)
        writeItem(items, item);
    StringWriter writer;
    // No indentation: whitespace inside text is the user's and must come back unchanged.
    doc.save(writer, "", pugi::format_raw, pugi::encoding_utf8);
    return writer.text;
}

Result<ReportContent> reportFromXml(std::string_view xml)
{
    if (xml.size() > kMaxReportXmlBytes)
        return xmlError("the snapshot is too large");
    pugi::xml_document doc;
    // Whitespace-only text is kept (a summary of spaces is still the user's), and line
    // ends are taken as written.
    const unsigned options = (pugi::parse_default | pugi::parse_ws_pcdata) & ~pugi::parse_eol;
    const pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size(), options, pugi::encoding_utf8);
    if (!parsed)
        return xmlError(std::string(parsed.description()) + " at byte " + std::to_string(parsed.offset));
    const pugi::xml_node root = doc.child("rapport-report");
    if (!root)
        return xmlError("not a report snapshot");
    if (root.attribute("format").as_int() != kReportXmlVersion)
        return xmlError("unsupported snapshot format " + std::string(root.attribute("format").as_string()));
    const auto language = parseLanguage(root.attribute("language").as_string());
    if (!language)
        return xmlError("unknown language " + std::string(root.attribute("language").as_string()));

    ReportContent report;
    report.language = *language;
    report.percent_done = root.attribute("percent-done").as_int();
    for (const auto& [name, member] : kTextFields)
        report.*member = readText(root, name);
    for (const pugi::xml_node& node : root.child("chart").children("slice")) {
        const auto status = parseStatusKeyword(node.attribute("status").as_string());
        if (!status)
            return xmlError("a chart slice has an unknown status");
        report.chart.push_back(ReportChartSlice{*status, node.text().as_string(),
                                                static_cast<std::size_t>(node.attribute("count").as_ullong())});
    }
    for (const pugi::xml_node& node : root.child("facts").children("fact"))
        report.facts.push_back(ReportFact{readText(node, "label"), readText(node, "value")});
    for (const pugi::xml_node& node : root.child("blocks").children("block")) {
        ReportBlock block;
        block.key = node.attribute("key").as_string();
        block.heading = readText(node, "heading");
        block.empty_text = readText(node, "empty-text");
        for (const pugi::xml_node& itemNode : node.children("item")) {
            ReportItem item;
            if (!readItem(itemNode, item))
                return xmlError("an item in block " + block.key + " is incomplete");
            block.items.push_back(std::move(item));
        }
        report.blocks.push_back(std::move(block));
    }
    for (const pugi::xml_node& node : root.child("items").children("item")) {
        ReportItem item;
        if (!readItem(node, item))
            return xmlError("an item is incomplete");
        report.items.push_back(std::move(item));
    }
    return report;
}

ReportDiff diffReports(const ReportContent& older, const ReportContent& newer)
{
    ReportDiff diff;
    diff.percent_before = older.percent_done;
    diff.percent_after = newer.percent_done;
    std::unordered_map<std::int64_t, const ReportItem*> before;
    for (const ReportItem& item : older.items)
        before.emplace(item.item_id, &item);
    std::unordered_map<std::int64_t, bool> stillThere;
    for (const ReportItem& item : newer.items) {
        stillThere[item.item_id] = true;
        const auto found = before.find(item.item_id);
        if (found == before.end())
            diff.changes.push_back(ReportItemChange{item.item_id, item.title, std::nullopt, item.status});
        else if (found->second->status != item.status)
            diff.changes.push_back(ReportItemChange{item.item_id, item.title, found->second->status, item.status});
    }
    // Items gone from the newer report come last, in the older report's order.
    for (const ReportItem& item : older.items)
        if (!stillThere.count(item.item_id))
            diff.changes.push_back(ReportItemChange{item.item_id, item.title, item.status, std::nullopt});
    return diff;
}

} // namespace rapport
