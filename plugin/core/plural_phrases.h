// Phrases whose wording depends on a number, translated with the catalogue's plural rules.
#pragma once

#include <cstddef>
#include <locale>
#include <string>

namespace rapport {

// "1 item", "5 items" in the language of `loc` (a Boost.Locale-generated locale).
std::string itemsCountPhrase(std::size_t n, const std::locale& loc);

} // namespace rapport
