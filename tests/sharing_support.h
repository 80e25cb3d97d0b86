// What the sharing tests share (test_sharing*.cpp): replicas with their own store and
// project folder, the git merge driver between two of them, and each replica's checklist
// and client log as text, so that two replicas agree when their texts are equal and a
// failure prints what differs.
#pragma once

#include "client_log.h"
#include "hlc.h"
#include "sharing.h"
#include "sidecar_file.h"
#include "sidecar_format.h"
#include "sidecar_replay.h"
#include "store.h"

#include "temp_folder.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace rapport::testing {

namespace fs = std::filesystem;

inline void writeFile(const fs::path& file, const std::string& text)
{
    fs::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << text;
}

// Everything a replica shows of a checklist, ids and positions included, as text: two
// replicas agree when these are equal, and a failure prints what differs.
inline std::string describe(const Checklist& c)
{
    std::ostringstream out;
    out << "checklist template=" << c.template_key << " agreed="
        << (c.revision_rounds_agreed ? std::to_string(*c.revision_rounds_agreed) : "-")
        << " used=" << c.revision_rounds_used
        << " every=" << (c.update_every_days ? std::to_string(*c.update_every_days) : "-")
        << " next=" << c.next_update_due << " deadline=" << c.deadline << " client=" << c.client_name
        << " client-lang=" << c.client_language << " rhythm=" << c.update_rhythm << "\n";
    for (const auto& s : c.sections)
        out << "section " << s.id << " pos=" << s.position << " uid=" << s.uid << " " << s.template_key << "/"
            << s.section_key << " title=" << s.custom_title << "\n";
    for (const auto& i : c.items)
        out << "item " << i.id << " pos=" << i.position << " sec=" << i.section_id << " uid=" << i.uid << " "
            << i.template_key << "/" << i.item_key << " text=" << i.custom_text << " status=" << statusKeyword(i.status)
            << " done=" << i.done << " reason=" << i.status_reason
            << " since=" << (i.status_since ? std::to_string(*i.status_since) : "-") << " due=" << i.due
            << " owner=" << (i.owner == Owner::Client) << " note=" << i.note << " internal=" << i.internal << "\n";
    return out.str();
}

inline std::vector<NewItem> starterItems()
{
    return {
        {"kickoff", "scope-in-out", {}, "scope"},
        {"kickoff", "deadlines", {}, "scope"},
        {"kickoff", "budget-signed", {}, "money"},
        {"kickoff", "invoice-terms", {}, "money"},
        {"kickoff", "contacts", {}, "people"},
    };
}

// A client log as text: every field of every entry, its number and promise included.
inline std::string describeLog(const std::vector<LogEntry>& log)
{
    std::ostringstream out;
    for (const LogEntry& e : log)
        out << "entry " << e.id << " uid=" << e.uid << " when=" << e.when << " channel=" << channelKeyword(e.channel)
            << " who=" << e.who << " kind=" << logKindKeyword(e.kind) << " said=" << e.said << " answer=" << e.answer
            << " internal=" << e.internal << " resolution=" << e.resolution << " outcome=" << outcomeKeyword(e.outcome)
            << " decline=" << e.decline_reason << " promise=" << e.promise_item_id << "\n";
    return out.str();
}

// One replica: its own store, its own copy of the project folder with the document.
struct Replica {
    fs::path folder;
    std::string document;
    std::optional<Store> store;
    std::unique_ptr<Sharing> sharing;

    Replica(const fs::path& root, const std::string& name, const std::string& author)
        : folder(root / name), document((root / name / "brief.md").string())
    {
        fs::create_directories(folder);
        writeFile(document, "# Brief\n");
        auto opened = Store::open(folder / "store" / "rapport.sqlite3");
        REQUIRE(opened);
        store.emplace(std::move(opened.value()));
        sharing = std::make_unique<Sharing>(*store);
        store->setAuthor(author);
    }

    fs::path sidecar() const { return sidecar::pathFor(document); }

    Checklist checklist()
    {
        auto loaded = store->checklistFor(document);
        REQUIRE(loaded);
        REQUIRE(loaded.value().has_value());
        return *loaded.value();
    }

    bool hasChecklist() { return store->checklistFor(document).value().has_value(); }

    std::int64_t id() { return checklist().document_id; }

    SyncReport sync()
    {
        auto report = sharing->sync(document);
        REQUIRE_MESSAGE(report, (report ? std::string() : report.error().description()));
        return report.value();
    }

    // What replaying the store's own log gives (the sidecar it would write, parsed); with
    // `whole`, every line of it must read.
    sidecar::Replayed replayStoreLog(bool whole)
    {
        auto log = store->sharedLog(id());
        REQUIRE(log);
        std::string text = sidecar::header();
        for (const auto& change : log.value())
            text += change.lines;
        const sidecar::Parsed parsed = sidecar::parse(text);
        if (whole)
            CHECK(parsed.bad_lines == 0);
        std::vector<const sidecar::Block*> blocks;
        for (const auto& block : parsed.blocks)
            blocks.push_back(&block);
        return sidecar::replay(blocks);
    }

    // What replaying the store's own log gives, and what replaying the sidecar gives.
    std::string replayOfStoreLog() { return describe(replayStoreLog(true).checklist); }

    // The store's client log as text, by number, and what replaying its own log gives of it.
    std::string logText()
    {
        auto log = store->clientLog(id());
        REQUIRE(log);
        std::vector<LogEntry> entries = log.value();
        std::sort(entries.begin(), entries.end(), [](const LogEntry& a, const LogEntry& b) { return a.id < b.id; });
        return describeLog(entries);
    }

    std::string replayedLogOfStoreLog() { return describeLog(replayStoreLog(false).log.entries); }
};

inline Replica& shareFirst(Replica& replica)
{
    REQUIRE(replica.store->attach(replica.document, "kickoff", starterItems()));
    auto shared = replica.sharing->share(replica.document);
    REQUIRE_MESSAGE(shared, (shared ? std::string() : shared.error().description()));
    return replica;
}

// What a git merge with the driver does: the union of both sidecars, into `to`'s.
inline void exchange(Replica& from, Replica& to)
{
    const std::string ours = readBytes(to.sidecar());
    const std::string theirs = readBytes(from.sidecar());
    const auto merged = sidecar::mergeTexts({ours, theirs});
    REQUIRE(merged);
    writeFile(to.sidecar(), *merged);
}

// A random valid UTF-8 string: spaces, control characters, %, =, CJK, emoji, NUL.
inline std::string randomText(std::mt19937& random, std::size_t length)
{
    static const std::vector<std::string> pieces{" ", "\n", "\r\n", "\t", "%", "%20", "=", "a", "Z", "0", "é", "İ",
                                                 "ı", "合同", "😀", "\x01", std::string(1, '\0'), "\x7f", "<<<<<<< ",
                                                 "=======", "\\", "\"", "'", "&", "𝔸"};
    std::string out;
    for (std::size_t i = 0; i < length; ++i)
        out += pieces[random() % pieces.size()];
    return out;
}

} // namespace rapport::testing
