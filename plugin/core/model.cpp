#include "model.h"

#include "text_rules.h"

#include <chrono>
#include <cstdio>

namespace rapport {

std::string_view statusKeyword(ItemStatus status)
{
    switch (status) {
    case ItemStatus::ToDo: return "todo";
    case ItemStatus::InProgress: return "in-progress";
    case ItemStatus::WaitingOnClient: return "waiting";
    case ItemStatus::Blocked: return "blocked";
    case ItemStatus::Done: return "done";
    case ItemStatus::NotApplicable: return "na";
    }
    return "todo";
}

std::optional<ItemStatus> parseStatusKeyword(std::string_view keyword)
{
    for (int value = 0; value <= 5; ++value) {
        const auto status = static_cast<ItemStatus>(value);
        if (statusKeyword(status) == keyword)
            return status;
    }
    return std::nullopt;
}

ChecklistFigures figuresOf(const Checklist& checklist, std::string_view today, std::int64_t now)
{
    ChecklistFigures figures;
    for (const ChecklistItem& item : checklist.items) {
        if (item.status == ItemStatus::NotApplicable)
            continue;
        ++figures.counted;
        if (item.status == ItemStatus::Done) {
            ++figures.done;
            continue;
        }
        if (item.status == ItemStatus::ToDo || item.status == ItemStatus::InProgress)
            ++figures.open;
        if (isOverdue(item, today))
            ++figures.overdue;
        if (item.status == ItemStatus::Blocked)
            ++figures.blocked;
        if (item.status == ItemStatus::WaitingOnClient) {
            ++figures.waiting_on_client;
            if (item.status_since && now > *item.status_since)
                figures.client_wait_days += (now - *item.status_since) / 86400;
        }
    }
    figures.percent_done = figures.counted == 0 ? 0 : static_cast<int>(figures.done * 100 / figures.counted);
    return figures;
}

bool isOverdue(const ChecklistItem& item, std::string_view today)
{
    // YYYY-MM-DD compares correctly as text.
    return !item.due.empty() && item.due < today && item.status != ItemStatus::Done &&
           item.status != ItemStatus::NotApplicable;
}

bool isDeletable(const ChecklistItem& item) { return item.template_key.empty(); }

SectionFigures sectionFiguresOf(const Checklist& checklist, std::int64_t section_id)
{
    SectionFigures figures;
    for (const auto& item : checklist.items) {
        if (item.section_id != section_id || item.status == ItemStatus::NotApplicable)
            continue;
        ++figures.counted;
        figures.done += item.status == ItemStatus::Done ? 1 : 0;
    }
    return figures;
}

bool isDateOrEmpty(std::string_view text)
{
    if (text.empty())
        return true;
    const std::string date(text);
    int y = 0, m = 0, d = 0;
    char tail = 0;
    if (date.size() != 10 || date[4] != '-' || date[7] != '-' ||
        std::sscanf(date.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
        return false;
    if (y < kFirstYear || y > kLastYear)
        return false; // year 0000 or 9999 is a slip of the keyboard, not a plan
    const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                          std::chrono::day{static_cast<unsigned>(d)}};
    return ymd.ok();
}

} // namespace rapport
