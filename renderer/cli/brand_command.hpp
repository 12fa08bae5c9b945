// `rupa brand new DIR`: a brand kit for an office in one step, from flags or, at a
// terminal, from answers to questions.
#pragma once

#include <CLI/CLI.hpp>

#include <map>
#include <string>
#include <vector>

namespace rupa {

struct BrandNewOptions {
    std::string dir;
    std::map<std::string, std::string> given;  // flag ("--office") -> its answer
    std::vector<std::string> handles;          // each --handle PLATFORM=@HANDLE
};

// Adds `brand` and its `new` to `app`; returns `new`, set when it is the command run.
CLI::App* add_brand_command(CLI::App& app, BrandNewOptions& options);

// Asks for what the flags leave out when stdin and stdout are a terminal; else a missing
// office, logo, primary or accent is a usage error naming its flag. 0, or 2 on bad answers.
int run_brand_new(const BrandNewOptions& options);

}  // namespace rupa
