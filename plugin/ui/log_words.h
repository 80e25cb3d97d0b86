// The client log's words as the sidebar shows them (client_log.h keeps the stored
// keywords): a kind, a channel, a change request's outcome and a promise's state in the
// sidebar's language. Reports have their own, client-facing words (report.cpp).
#pragma once

#include "client_log.h"

#include <array>
#include <locale>
#include <string>

namespace rapport::ui {

// Every kind and channel, in the order the dialogs and the filter list them.
inline constexpr std::array<LogKind, 6> kLogKinds{LogKind::Request, LogKind::ChangeRequest, LogKind::Complaint,
                                                  LogKind::Approval, LogKind::Feedback, LogKind::Question};
inline constexpr std::array<LogChannel, 4> kLogChannels{LogChannel::Call, LogChannel::Email, LogChannel::Meeting,
                                                        LogChannel::Message};

// "Change request", "Complaint"... in `loc`.
std::string logKindName(LogKind kind, const std::locale& loc);
// "Call", "Email"... in `loc`.
std::string logChannelName(LogChannel channel, const std::locale& loc);
// "awaiting the client's decision", "accepted", "declined"; "" for ChangeOutcome::None.
std::string outcomeText(ChangeOutcome outcome, const std::locale& loc);
// "kept on time", "broken (overdue)"... in `loc`.
std::string promiseStateText(PromiseState state, const std::locale& loc);

} // namespace rapport::ui
