// Test helper: applies changes to a store and acknowledges each one on stdout only after
// the store said it was committed. The durability tests kill it and then check that
// every acknowledged change is there.
//   store_writer STORE DOC WRITER_NAME COUNT
// Adds COUNT custom items "WRITER_NAME-N" to DOC's checklist (attaching one if needed).
#include "powercut_vfs.h"
#include "store.h"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

namespace {

void say(const std::string& line)
{
    const std::string out = line + "\n";
    // write(2) straight to the pipe: nothing waits in a stdio buffer when we are killed.
    if (::write(STDOUT_FILENO, out.data(), out.size()) != static_cast<ssize_t>(out.size()))
        std::_Exit(3);
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 5) {
        std::fprintf(stderr, "usage: store_writer STORE DOC WRITER_NAME COUNT\n");
        return 2;
    }
    const std::string doc = argv[2];
    const std::string writer = argv[3];
    const int count = std::atoi(argv[4]);
    installPowerCutVfsFromEnvironment();
    auto store = rapport::Store::open(argv[1]);
    if (!store) {
        std::fprintf(stderr, "%s\n", store.error().description().c_str());
        return 1;
    }
    auto checklist = store.value().checklistFor(doc);
    if (checklist && !checklist.value()) {
        // Two writers may race to attach: the loser simply uses the winner's checklist.
        static_cast<void>(store.value().attach(doc, {}, {}));
        checklist = store.value().checklistFor(doc);
    }
    if (!checklist || !checklist.value()) {
        std::fprintf(stderr, "no checklist\n");
        return 1;
    }
    const auto documentId = checklist.value()->document_id;
    say("ready");
    for (int i = 0; i < count; ++i) {
        const std::string text = writer + "-" + std::to_string(i);
        auto added = store.value().addCustomItem(documentId, 0, text);
        if (!added) {
            std::fprintf(stderr, "%s\n", added.error().description().c_str());
            return 1;
        }
        say("ack " + text);
    }
    return 0;
}
