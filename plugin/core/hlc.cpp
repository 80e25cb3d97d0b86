#include "hlc.h"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <random>

namespace rapport {

namespace {

// Writes `value` as exactly `width` decimal digits, zero-padded, ending at `end` (the text
// of every change's clock: snprintf's format parsing would be most of stamping a change).
void putDigits(char* end, std::uint64_t value, int width)
{
    for (int i = 0; i < width; ++i) {
        *--end = static_cast<char>('0' + value % 10);
        value /= 10;
    }
}

} // namespace

std::string Hlc::text() const
{
    if (millis < 0 || millis > 9999999999999999 || counter > 9999) { // never made by nextHlc()
        char buffer[48];
        std::snprintf(buffer, sizeof buffer, "%016lld.%04u", static_cast<long long>(millis), counter);
        return buffer;
    }
    std::string text(21, '.');
    putDigits(text.data() + 16, static_cast<std::uint64_t>(millis), 16);
    putDigits(text.data() + 21, counter, 4);
    return text;
}

std::optional<Hlc> Hlc::parse(std::string_view text)
{
    if (text.size() != 21 || text[16] != '.')
        return std::nullopt;
    const auto digits = [](std::string_view part) {
        for (const char c : part)
            if (c < '0' || c > '9')
                return false;
        return true;
    };
    if (!digits(text.substr(0, 16)) || !digits(text.substr(17)))
        return std::nullopt;
    Hlc reading;
    std::from_chars(text.data(), text.data() + 16, reading.millis);
    std::from_chars(text.data() + 17, text.data() + 21, reading.counter);
    return reading;
}

Hlc nextHlc(Hlc last, std::int64_t now_millis)
{
    if (now_millis > last.millis)
        return Hlc{now_millis, 0};
    // The wall clock has not moved past the last reading (or runs behind a colleague's):
    // count on from it, and borrow the next millisecond rather than overflow the counter.
    if (last.counter + 1 < Hlc::kMaxCounter)
        return Hlc{last.millis, last.counter + 1};
    return Hlc{last.millis + 1, 0};
}

std::int64_t nowMillis()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string newReplicaId()
{
    // One generator per thread, seeded from the system's entropy: ids made on two
    // machines (or by two processes on one) never follow the same sequence.
    thread_local std::mt19937_64 generator{[] {
        std::random_device device;
        return (static_cast<std::uint64_t>(device()) << 32) ^ device();
    }()};
    static constexpr char kHex[] = "0123456789abcdef";
    std::uint64_t bits = generator();
    std::string id(16, '0');
    for (int i = 15; i >= 0; --i, bits >>= 4)
        id[static_cast<std::size_t>(i)] = kHex[bits & 0xf];
    return id;
}

bool isReplicaId(std::string_view text)
{
    if (text.size() != 16)
        return false;
    bool ok = true;
    for (const char c : text) // no early exit: sixteen compares the compiler vectorises
        ok &= (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    return ok;
}

} // namespace rapport
