#include "test_channel.h"

#include <cstdlib>
#include <fstream>

namespace rapport::ui {

std::unique_ptr<TestChannel> TestChannel::fromEnvironment()
{
    const char* folder = std::getenv("RAPPORT_TEST_CHANNEL");
    if (!folder || !*folder)
        return nullptr;
    return std::make_unique<TestChannel>(folder);
}

TestChannel::TestChannel(std::filesystem::path folder) : folder_(std::move(folder))
{
    std::error_code ec;
    std::filesystem::create_directories(folder_, ec);
    const std::uintmax_t existing = std::filesystem::file_size(folder_ / "commands", ec);
    commandsRead_ = ec ? 0 : existing;
}

void TestChannel::write(const std::string& line)
{
    std::ofstream out(folder_ / "state.log", std::ios::app | std::ios::binary);
    out << line << '\n';
}

std::vector<std::string> TestChannel::takeCommands()
{
    std::vector<std::string> commands;
    std::ifstream in(folder_ / "commands", std::ios::binary);
    if (!in)
        return commands;
    in.seekg(static_cast<std::streamoff>(commandsRead_));
    std::string chunk((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    commandsRead_ += chunk.size();
    partialLine_ += chunk;
    std::size_t start = 0;
    for (std::size_t end; (end = partialLine_.find('\n', start)) != std::string::npos; start = end + 1) {
        if (end > start)
            commands.push_back(partialLine_.substr(start, end - start));
    }
    partialLine_.erase(0, start);
    return commands;
}

} // namespace rapport::ui
