#include "update_rhythm.h"

#include "text_rules.h"

#include <charconv>
#include <chrono>
#include <cstdio>

namespace rapport {

namespace {

namespace ch = std::chrono;

std::optional<ch::year_month_day> parse(std::string_view date)
{
    if (date.empty() || !isDateOrEmpty(date))
        return std::nullopt;
    int y = 0;
    unsigned m = 0, d = 0;
    std::from_chars(date.data(), date.data() + 4, y);
    std::from_chars(date.data() + 5, date.data() + 7, m);
    std::from_chars(date.data() + 8, date.data() + 10, d);
    return ch::year_month_day{ch::year{y}, ch::month{m}, ch::day{d}};
}

std::string text(const ch::year_month_day& date)
{
    if (static_cast<int>(date.year()) > kLastYear)
        return {};
    char out[16];
    std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                  static_cast<unsigned>(date.day()));
    return out;
}

} // namespace

std::optional<UpdateRhythm> parseUpdateRhythm(std::string_view text)
{
    using Kind = UpdateRhythm::Kind;
    if (text.empty())
        return UpdateRhythm{};
    if (text == "weekly")
        return UpdateRhythm{Kind::Weekly, 0};
    if (text == "biweekly")
        return UpdateRhythm{Kind::Biweekly, 0};
    if (text == "monthly")
        return UpdateRhythm{Kind::Monthly, 0};
    if (text.size() < 2 || text.size() > 4 || text.back() != 'd' || text.front() == '0')
        return std::nullopt;
    int days = 0;
    const char* end = text.data() + text.size() - 1;
    const auto [at, error] = std::from_chars(text.data(), end, days);
    if (error != std::errc() || at != end || days < 1 || days > kMaxRhythmDays)
        return std::nullopt;
    return UpdateRhythm{Kind::EveryDays, days};
}

std::string rhythmKeyword(const UpdateRhythm& rhythm)
{
    switch (rhythm.kind) {
    case UpdateRhythm::Kind::None: return {};
    case UpdateRhythm::Kind::Weekly: return "weekly";
    case UpdateRhythm::Kind::Biweekly: return "biweekly";
    case UpdateRhythm::Kind::Monthly: return "monthly";
    case UpdateRhythm::Kind::EveryDays: return std::to_string(rhythm.days) + "d";
    }
    return {};
}

UpdateRhythm rhythmOf(const Checklist& checklist)
{
    if (!checklist.update_rhythm.empty())
        if (const auto rhythm = parseUpdateRhythm(checklist.update_rhythm))
            return *rhythm;
    if (checklist.update_every_days && *checklist.update_every_days > 0)
        return UpdateRhythm{UpdateRhythm::Kind::EveryDays, *checklist.update_every_days};
    return {};
}

std::string advanceByRhythm(const UpdateRhythm& rhythm, std::string_view date, int times)
{
    const auto from = parse(date);
    if (!from || times < 1)
        return {};
    int days = 0;
    switch (rhythm.kind) {
    case UpdateRhythm::Kind::None: return {};
    case UpdateRhythm::Kind::Weekly: days = 7; break;
    case UpdateRhythm::Kind::Biweekly: days = 14; break;
    case UpdateRhythm::Kind::EveryDays: days = rhythm.days; break;
    case UpdateRhythm::Kind::Monthly: {
        const auto month = from->year() / from->month() + ch::months{times};
        const auto last = ch::year_month_day_last{month.year(), ch::month_day_last{month.month()}}.day();
        return text(ch::year_month_day{month.year(), month.month(), std::min(from->day(), last)});
    }
    }
    return text(ch::year_month_day{ch::sys_days{*from} + ch::days{static_cast<long long>(days) * times}});
}

std::string nextUpdateAfterSent(const Checklist& checklist, std::string_view today)
{
    const UpdateRhythm rhythm = rhythmOf(checklist);
    const std::string_view base = checklist.next_update_due.empty() ? today : std::string_view(checklist.next_update_due);
    if (rhythm.kind == UpdateRhythm::Kind::None || !parse(base) || !parse(today))
        return {};
    // Periods from `base`, not from each result, so that a monthly rhythm keeps its day.
    for (int times = 1; times < 100000; ++times) {
        std::string next = advanceByRhythm(rhythm, base, times);
        if (next.empty() || next > today)
            return next;
    }
    return {};
}

} // namespace rapport
