# rapport_warnings: the one place that says how strict the compiler is with our own code.
add_library(rapport_warnings INTERFACE)
target_compile_options(rapport_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
  -Wnon-virtual-dtor -Woverloaded-virtual -Wimplicit-fallthrough)
if(RAPPORT_WERROR)
  target_compile_options(rapport_warnings INTERFACE -Werror)
endif()

# rapport_sanitizers: ASan and UBSan for the core and its tests when RAPPORT_SANITIZE is on.
add_library(rapport_sanitizers INTERFACE)
if(RAPPORT_SANITIZE)
  target_compile_options(rapport_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(rapport_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
