// What the benchmarks share: timing and the percentile of samples. Header-only.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <vector>

namespace rapport::bench {

using Clock = std::chrono::steady_clock;

// Wall-clock milliseconds since `start`.
inline double millisecondsSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// The p-th percentile (0 to 1) of `values`, by the nearest rank below: 0.5 is the median.
inline double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values[static_cast<std::size_t>(p * static_cast<double>(values.size() - 1))];
}

} // namespace rapport::bench
