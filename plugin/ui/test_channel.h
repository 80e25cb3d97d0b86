// A test-only side door, off unless $RAPPORT_TEST_CHANNEL names a folder: the plugin
// appends what it did to FOLDER/state.log and reads scripted actions from
// FOLDER/commands, one per line. End-to-end tests prove behaviour from these lines
// instead of from sleeps and timing. This file only reads and writes the two files;
// test_driver.h runs the commands. A channel reads only the commands added after it was
// opened: a sidebar built anew in the same host (a plugin disabled and enabled again)
// must not replay the commands its predecessor already ran.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace rapport::ui {

// The channel's two files.
class TestChannel {
public:
    // The channel named by $RAPPORT_TEST_CHANNEL, or nullptr when it is not set.
    static std::unique_ptr<TestChannel> fromEnvironment();

    // Opens the channel in `folder`; commands already in it are not this channel's.
    explicit TestChannel(std::filesystem::path folder);

    // Appends one line to state.log and flushes it, so a watching test sees it at once.
    void write(const std::string& line);
    // The command lines added since the last call.
    std::vector<std::string> takeCommands();

private:
    std::filesystem::path folder_;
    std::uintmax_t commandsRead_ = 0;
    std::string partialLine_;
};

} // namespace rapport::ui
