#include "plural_phrases.h"

#include <boost/locale/format.hpp>
#include <boost/locale/message.hpp>

#include <climits>

namespace rapport {

std::string itemsCountPhrase(std::size_t n, const std::locale& loc)
{
    // Boost.Locale 1.74 chooses the plural form from an int; clamp (no checklist gets near).
    const int forPlural = n > static_cast<std::size_t>(INT_MAX) ? INT_MAX : static_cast<int>(n);
    // TRANSLATORS: the number of items in a checklist, e.g. "12 items".
    return (boost::locale::format(boost::locale::translate("{1} item", "{1} items", forPlural)) % n).str(loc);
}

} // namespace rapport
