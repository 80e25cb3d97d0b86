// The end-to-end test channel's two files (plugin/ui/test_channel.h): commands are read
// once each, whole lines only, and a channel opened anew (a plugin disabled and enabled
// again in the same host) never replays the commands of the one before it.
#include "temp_folder.h"
#include "test_channel.h"

#include <doctest/doctest.h>

#include <fstream>
#include <string>
#include <vector>

using rapport::testing::TempFolder;
using rapport::ui::TestChannel;
using Lines = std::vector<std::string>;

namespace {

void append(const TempFolder& folder, const std::string& text)
{
    std::ofstream(folder.path / "commands", std::ios::app | std::ios::binary) << text;
}

} // namespace

TEST_CASE("a channel reads each command once, and a line only when it is whole")
{
    TempFolder folder("rapport-channel");
    TestChannel channel(folder.path);
    CHECK(channel.takeCommands().empty());
    append(folder, "tick 1\nsel");
    CHECK(channel.takeCommands() == Lines{"tick 1"});
    append(folder, "ect 3\n\nquit\n");
    CHECK(channel.takeCommands() == Lines{"select 3", "quit"});
    CHECK(channel.takeCommands().empty());
}

TEST_CASE("a channel opened anew does not replay the commands already in the file")
{
    TempFolder folder("rapport-channel");
    append(folder, "attach kickoff\ntick 1\nplugin-disable-enable\n");
    TestChannel reopened(folder.path);
    CHECK(reopened.takeCommands().empty());
    append(folder, "tick 2\n");
    CHECK(reopened.takeCommands() == Lines{"tick 2"});
}

TEST_CASE("state lines are appended to state.log")
{
    TempFolder folder("rapport-channel");
    TestChannel(folder.path).write("ready");
    TestChannel(folder.path).write("plugin-released");
    std::ifstream log(folder.path / "state.log");
    std::string first, second;
    std::getline(log, first);
    std::getline(log, second);
    CHECK(first == "ready");
    CHECK(second == "plugin-released");
}
