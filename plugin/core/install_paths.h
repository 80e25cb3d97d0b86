// Where Rapport's bundled data (templates, catalogues) is, found from where the binary
// running this code is: a release build holds no absolute path, so an installed tree can
// be moved (a package, a user install, a copy) and still finds its data.
#pragma once

#include <filesystem>

// Optional: a binary (the CLI, a host plugin) may define this to say where its data is,
// relative to the folder it is installed in ("../share/rapport"); CMake computes it from
// the install folders. Without it, or when that folder is missing, the folders above the
// binary are searched for share/rapport (how the build tree and the tests find theirs).
extern "C" __attribute__((weak)) const char* rapport_relative_data_folder();

namespace rapport {

// The folder of the binary (executable or shared object) holding this code; empty when
// it cannot be told.
std::filesystem::path binaryFolder();

// The bundled data folder (holding templates/ and locale/): the binary's
// rapport_relative_data_folder() if it defines one and it exists; else the nearest share/rapport with
// templates/ in a folder above the binary (never the user's own data folder). Empty when
// none is found.
std::filesystem::path bundledDataFolder();

} // namespace rapport
