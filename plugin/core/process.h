// Running another program (git) and reading what it prints, without a shell: the
// arguments go to it as they are, so no file name can be taken for a command.
#pragma once

#include "error.h"

#include <string>
#include <vector>

namespace rapport {

// What a program printed on its standard output, and how it ended.
struct ProcessOutput {
    int exit_code = -1; // -1 when it did not end normally
    std::string out;
};

// Runs `argv` (argv[0] looked up in PATH), its input and error output closed, and waits for
// it. Fails only when it cannot be started.
Result<ProcessOutput> runProcess(const std::vector<std::string>& argv);

} // namespace rapport
