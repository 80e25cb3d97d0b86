# The languages Rapport speaks are data: locales/LINGUAS lists one catalogue per line
# (gettext's format: # starts a comment). This sets RAPPORT_LANGUAGES (without English,
# the source text) and writes language_codes.h, the table the code enumerates.
set(_linguas ${PROJECT_SOURCE_DIR}/locales/LINGUAS)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${_linguas})
file(STRINGS ${_linguas} _lines)
set(RAPPORT_LANGUAGES "")
foreach(_line IN LISTS _lines)
  string(REGEX REPLACE "#.*" "" _line "${_line}")
  string(REGEX MATCHALL "[^ \t]+" _codes "${_line}")
  foreach(_code IN LISTS _codes)
    if(NOT _code MATCHES "^[a-z][a-z][a-z]?(_[A-Z][A-Z])?(@[a-z]+)?$")
      message(FATAL_ERROR "locales/LINGUAS: \"${_code}\" is not a language code (ll or ll_CC)")
    endif()
    if(NOT EXISTS ${PROJECT_SOURCE_DIR}/locales/${_code}.po)
      message(FATAL_ERROR "locales/LINGUAS lists ${_code}, but locales/${_code}.po is missing")
    endif()
    list(APPEND RAPPORT_LANGUAGES ${_code})
  endforeach()
endforeach()
list(LENGTH RAPPORT_LANGUAGES _count)
math(EXPR _count "${_count} + 1")
set(_quoted "\"en\"")
foreach(_code IN LISTS RAPPORT_LANGUAGES)
  string(APPEND _quoted ", \"${_code}\"")
endforeach()
set(RAPPORT_GENERATED_INCLUDE_DIR ${PROJECT_BINARY_DIR}/generated)
file(CONFIGURE OUTPUT ${RAPPORT_GENERATED_INCLUDE_DIR}/language_codes.h CONTENT
"// Written by CMake from locales/LINGUAS (cmake/RapportLanguages.cmake): do not edit.
#pragma once

#include <array>
#include <string_view>

namespace rapport {

// The codes of the languages Rapport speaks: English (the source text), then every
// catalogue listed in locales/LINGUAS, in its order.
inline constexpr std::array<std::string_view, ${_count}> kLanguageCodes{${_quoted}};

} // namespace rapport
")
