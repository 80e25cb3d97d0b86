// Marks a string for the catalogue without translating it where it is written: the
// English text is kept (as a msgid) and translated where it is shown, in the language of
// that moment. scripts/update-catalogues extracts N_("...").
#pragma once

namespace rapport {

// Returns `msgid` unchanged.
constexpr const char* N_(const char* msgid) noexcept { return msgid; }

} // namespace rapport
