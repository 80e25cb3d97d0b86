# Where the bundled data (templates, catalogues) is installed, and how each binary finds
# it: relative to its own folder, so that no absolute path (and no build folder) is
# compiled in and an installed tree can be moved (plugin/core/install_paths.h).
set(RAPPORT_DATA_INSTALL_DIR "${CMAKE_INSTALL_DATADIR}/rapport" CACHE STRING
    "Where the bundled templates and catalogues are installed (relative to the prefix, or absolute)")

# The build tree looks like an install to the binaries in it: share/rapport links to the
# compiled catalogues and to the source tree's templates.
file(MAKE_DIRECTORY ${PROJECT_BINARY_DIR}/share/rapport ${PROJECT_BINARY_DIR}/locale)
file(CREATE_LINK ${PROJECT_BINARY_DIR}/locale ${PROJECT_BINARY_DIR}/share/rapport/locale SYMBOLIC)
file(CREATE_LINK ${PROJECT_SOURCE_DIR}/assets/templates ${PROJECT_BINARY_DIR}/share/rapport/templates SYMBOLIC)

# rapport_locate_data(TARGET INSTALL_DIR): `TARGET`, installed into INSTALL_DIR, looks for
# the data at the relative path from there to RAPPORT_DATA_INSTALL_DIR.
function(rapport_locate_data target install_dir)
  cmake_path(ABSOLUTE_PATH install_dir BASE_DIRECTORY "${CMAKE_INSTALL_PREFIX}" NORMALIZE OUTPUT_VARIABLE from)
  cmake_path(ABSOLUTE_PATH RAPPORT_DATA_INSTALL_DIR BASE_DIRECTORY "${CMAKE_INSTALL_PREFIX}" NORMALIZE
             OUTPUT_VARIABLE to)
  file(RELATIVE_PATH relative "${from}" "${to}")
  set(source ${CMAKE_CURRENT_BINARY_DIR}/${target}_data_folder.cpp)
  file(CONFIGURE OUTPUT ${source} CONTENT
"// Written by CMake (cmake/RapportDataLocation.cmake): where ${target} finds its data once installed.
#include \"install_paths.h\"

extern \"C\" const char* rapport_relative_data_folder() { return \"${relative}\"; }
")
  target_sources(${target} PRIVATE ${source})
endfunction()
