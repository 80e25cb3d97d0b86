// Reads the tool's --json output back with a real JSON parser (python3's json module,
// strict: a raw control character or invalid UTF-8 is an error), so the tests check that
// it parses, not only what it looks like.
#pragma once

#include "temp_folder.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <string>

namespace rapport::testing {

// Parses `json` and evaluates the Python expression `expression` on it (the document is
// `d`); returns the result as compact JSON ("ERROR: ..." when `json` does not parse).
inline std::string jsonEval(const std::string& json, const std::string& expression)
{
    TempFolder folder("rapport-json");
    const auto input = folder.path / "in.json";
    const auto code = folder.path / "expression.py";
    std::ofstream(input, std::ios::binary) << json;
    std::ofstream(code, std::ios::binary) << expression;
    const std::string command =
        "python3 -c 'import json, sys\n"
        "try:\n"
        "    d = json.load(open(sys.argv[1], encoding=\"utf-8\"))\n"
        "except Exception as e:\n"
        "    print(\"ERROR: \" + str(e)); sys.exit(0)\n"
        "print(json.dumps(eval(open(sys.argv[2], encoding=\"utf-8\").read()), ensure_ascii=False, separators=(\",\", \":\")))' '" +
        input.string() + "' '" + code.string() + "' 2>&1";
    std::string result;
    if (FILE* pipe = ::popen(command.c_str(), "r")) {
        char buffer[4096];
        while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe))
            result.append(buffer, n);
        ::pclose(pipe);
    }
    while (!result.empty() && result.back() == '\n')
        result.pop_back();
    return result;
}

// Whether `json` parses as JSON.
inline bool isJson(const std::string& json) { return jsonEval(json, "True") == "true"; }

} // namespace rapport::testing
