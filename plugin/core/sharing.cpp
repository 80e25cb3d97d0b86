#include "sharing.h"

#include "process.h"
#include "settings.h"
#include "sidecar_format.h"
#include "sidecar_replay.h"

#include <algorithm>
#include <cstdlib>
#include <pwd.h>
#include <set>
#include <unistd.h>
#include <unordered_set>

namespace rapport {

namespace {

std::string trimmed(std::string text)
{
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ' || text.back() == '\t'))
        text.pop_back();
    std::size_t start = 0;
    while (start < text.size() && (text[start] == ' ' || text[start] == '\t'))
        ++start;
    return text.substr(start);
}

// The store's own copy of the log, read as one sidecar text.
Result<sidecar::Parsed> parseStoreLog(Store& store, std::int64_t document_id)
{
    auto log = store.sharedLog(document_id);
    if (!log)
        return log.error();
    std::string text = sidecar::header();
    for (const LoggedChange& change : log.value())
        text += change.lines;
    return sidecar::parse(text);
}

// What reading a sidecar and its conflict copies gave.
struct FileRead {
    std::string text;                          // the sidecar as it is on disk
    std::vector<sidecar::Parsed> parsed;       // the sidecar's, then each copy's
    std::vector<std::filesystem::path> copies; // conflict copies to remove once folded in
};

Result<FileRead> readWithCopies(const std::filesystem::path& file, SyncReport& report)
{
    FileRead read;
    auto text = sidecar::readText(file);
    if (!text)
        return text.error();
    read.text = std::move(text.value());
    read.parsed.push_back(sidecar::parse(read.text));
    for (const auto& copy : sidecar::conflictCopies(file)) {
        auto copyText = sidecar::readText(copy);
        if (!copyText)
            continue; // unreadable now: it is left for the next time
        read.parsed.push_back(sidecar::parse(copyText.value()));
        read.copies.push_back(copy);
    }
    for (std::size_t i = 0; i < read.parsed.size(); ++i) {
        const sidecar::Parsed& one = read.parsed[i];
        report.future_version = report.future_version || one.future;
        report.markers_repaired = report.markers_repaired || one.markers;
        report.bad_lines += one.bad_lines;
        if (i == 0)
            report.first_bad = one.first_bad;
    }
    return read;
}

// Every block of `sources`, once per change id; the first source's text wins a tie.
std::vector<const sidecar::Block*> unionOf(const std::vector<const sidecar::Parsed*>& sources)
{
    std::vector<const sidecar::Block*> all;
    std::unordered_set<std::string> ids;
    for (const sidecar::Parsed* source : sources)
        for (const sidecar::Block& block : source->blocks)
            if (ids.insert(block.envelope.change_id).second)
                all.push_back(&block);
    return all;
}

// The client log the replay gave, for the merge to write.
void takeLog(MergedLog& merged, sidecar::ReplayedLog& log)
{
    merged.log = std::move(log.entries);
    merged.log_named.assign(log.named.begin(), log.named.end()); // sorted, as a set is
}

LoggedChange loggedOf(const sidecar::Block& block)
{
    return LoggedChange{block.envelope.hlc.text(), block.envelope.change_id, block.envelope.node, block.text};
}

std::string loginName()
{
    if (const passwd* entry = ::getpwuid(::getuid()); entry && entry->pw_name && *entry->pw_name)
        return entry->pw_name;
    if (const char* user = std::getenv("USER"); user && *user)
        return user;
    return "?";
}

} // namespace

Sharing::Sharing(Store& store) : store_(store), state_(std::make_shared<State>())
{
    store_.addListener([state = state_, target = &store_](const std::vector<Change>& recorded) {
        appendRecorded(*state, *target, recorded);
    });
}

Sharing::~Sharing() = default;

void Sharing::appendRecorded(State& state, Store& store, const std::vector<Change>& recorded)
{
    for (const Change& change : recorded) {
        if (change.kind == ChangeKind::Unshared) {
            state.sidecars.erase(change.document_id);
            continue;
        }
        if (change.kind == ChangeKind::DocumentMoved) {
            // The sidecar follows the document: the whole log is written where it now belongs.
            state.sidecars.erase(change.document_id);
            auto shared = store.sharedDocument(change.document_id);
            if (!shared || !shared.value())
                continue;
            auto log = parseStoreLog(store, change.document_id);
            if (!log)
                continue;
            std::vector<const sidecar::Block*> all;
            for (const auto& block : log.value().blocks)
                all.push_back(&block);
            const std::filesystem::path file = shared.value()->sidecar;
            if (auto written = sidecar::writeText(file, sidecar::render(all)); written)
                state.seen[file] = written.value();
            else
                state.append_error = written.error();
            continue;
        }
        if (change.sidecar_lines.empty())
            continue;
        std::filesystem::path file;
        std::string document;
        if (const auto known = state.sidecars.find(change.document_id); known != state.sidecars.end()) {
            file = known->second;
        } else {
            auto shared = store.sharedDocument(change.document_id);
            if (!shared || !shared.value())
                continue;
            file = shared.value()->sidecar;
            state.sidecars[change.document_id] = file;
        }
        // Someone else's change since we last looked stays noticeable: the file is then
        // still "changed on disk" after our own line, and the next sync reads it.
        sidecar::FileStamp& seen = state.seen[file];
        auto appended = sidecar::appendLines(file, change.sidecar_lines, seen);
        if (!appended) {
            state.append_error = appended.error();
            continue;
        }
        state.append_error.reset();
        if (seen == appended.value().before)
            seen = appended.value().after;
        if (state.appended.find(file) == state.appended.end()) {
            auto shared = store.sharedDocument(change.document_id);
            state.appended[file] = shared && shared.value() ? shared.value()->document_path : std::string();
        }
    }
}

Result<SyncReport> Sharing::share(const std::string& document_path)
{
    auto id = store_.documentIdOf(document_path);
    if (!id)
        return id.error();
    if (!id.value())
        return Error{ErrorCode::DocumentUnknown, document_path, "no checklist is attached"};
    auto shared = store_.sharedDocument(*id.value());
    if (!shared)
        return shared.error();
    if (!shared.value()) {
        // The checklist as it is, then its client log as it is (a change and a block of its
        // own, so that a Rapport from before the log still reads the checklist's snapshot).
        Change change;
        change.kind = ChangeKind::Shared;
        change.document_id = *id.value();
        change.new_value = sidecar::pathFor(document_path).string();
        Change log;
        log.kind = ChangeKind::LogShared;
        log.document_id = *id.value();
        std::vector<Change> batch;
        batch.push_back(std::move(change));
        batch.push_back(std::move(log));
        auto applied = store_.apply(std::move(batch));
        if (!applied)
            return applied.error();
    }
    return sync(document_path);
}

Status Sharing::unshare(const std::string& document_path)
{
    auto id = store_.documentIdOf(document_path);
    if (!id)
        return id.error();
    if (!id.value())
        return Error{ErrorCode::DocumentUnknown, document_path, "no checklist is attached"};
    Change change;
    change.kind = ChangeKind::Unshared;
    change.document_id = *id.value();
    auto applied = store_.apply(std::move(change));
    if (!applied)
        return applied.error();
    state_->sidecars.erase(*id.value());
    return {};
}

bool Sharing::changedOnDisk(const std::string& document_path) const
{
    const std::filesystem::path file = sidecar::pathFor(document_path);
    const auto seen = state_->seen.find(file);
    const sidecar::FileStamp now = sidecar::stampOf(file);
    return seen == state_->seen.end() ? now.exists : !(seen->second == now);
}

std::size_t Sharing::settle()
{
    const auto appended = state_->appended;
    std::size_t merged = 0;
    for (const auto& [file, document] : appended) {
        if (document.empty())
            continue;
        // A failure leaves the lines where they are, still whole, for the next sync.
        if (auto report = sync(document))
            merged += report.value().merged;
    }
    state_->appended.clear();
    return merged;
}

Result<SyncReport> Sharing::sync(const std::string& document_path)
{
    SyncReport report;
    auto id = store_.documentIdOf(document_path);
    if (!id)
        return id.error();
    const std::filesystem::path file = sidecar::pathFor(document_path);
    if (!id.value()) {
        if (!sidecar::stampOf(file).exists)
            return report;
        return join(document_path, file);
    }
    auto shared = store_.sharedDocument(*id.value());
    if (!shared)
        return shared.error();
    if (!shared.value()) {
        report.unjoined_sidecar = sidecar::stampOf(file).exists;
        return report;
    }
    state_->sidecars[*id.value()] = shared.value()->sidecar;
    return syncShared(*shared.value(), std::move(report));
}

namespace {

// Writes `blocks` as the canonical sidecar when the file differs from it or copies were
// folded in; then removes the copies.
void writeBack(const std::filesystem::path& file, const FileRead& read, std::vector<const sidecar::Block*> blocks,
               SyncReport& report, std::map<std::filesystem::path, sidecar::FileStamp>& seen)
{
    const std::string expected = sidecar::render(std::move(blocks));
    if (expected == read.text && read.copies.empty()) {
        seen[file] = sidecar::stampOf(file);
        return;
    }
    auto written = sidecar::writeText(file, expected);
    if (!written) {
        report.file_error = written.error();
        return;
    }
    report.rewritten = true;
    seen[file] = written.value();
    for (const auto& copy : read.copies) {
        std::error_code ec;
        if (std::filesystem::remove(copy, ec))
            ++report.copies_folded;
    }
}

} // namespace

Result<SyncReport> Sharing::join(const std::string& document_path, const std::filesystem::path& file)
{
    SyncReport report;
    report.file_changed = true;
    auto read = readWithCopies(file, report);
    if (!read) {
        report.file_error = read.error();
        return report;
    }
    if (report.future_version)
        return report;
    std::vector<const sidecar::Parsed*> sources;
    for (const auto& parsed : read.value().parsed)
        sources.push_back(&parsed);
    std::vector<const sidecar::Block*> all = unionOf(sources);
    if (all.empty())
        return report; // nothing to attach: a sidecar without a single readable change
    sidecar::Replayed replayed = sidecar::replay(all);
    auto merged = std::make_shared<MergedLog>();
    merged->checklist = std::move(replayed.checklist);
    merged->checklist.document_path = document_path;
    merged->sidecar = file.string();
    std::sort(all.begin(), all.end(), [](const auto* a, const auto* b) { return a->replayOrderBefore(*b); });
    for (const sidecar::Block* block : all) {
        merged->changes.push_back(loggedOf(*block));
        merged->history.push_back(sidecar::historyRowOf(*block, merged->checklist, replayed.log));
    }
    takeLog(*merged, replayed.log);
    Change change;
    change.kind = ChangeKind::Merged;
    change.merged = merged;
    auto applied = store_.apply(std::move(change));
    if (!applied)
        return applied.error();
    report.joined = true;
    report.shared = true;
    report.merged = all.size();
    writeBack(file, read.value(), all, report, state_->seen);
    return report;
}

Result<SyncReport> Sharing::syncShared(const SharedDocument& shared, SyncReport report)
{
    const std::filesystem::path file = shared.sidecar;
    report.shared = true;
    const auto seen = state_->seen.find(file);
    report.file_changed = seen == state_->seen.end() || !(seen->second == sidecar::stampOf(file));
    auto read = readWithCopies(file, report);
    if (!read) {
        report.file_error = read.error();
        return report;
    }
    if (report.future_version)
        return report; // not read and never written: the store keeps its changes for later
    auto ours = parseStoreLog(store_, shared.document_id);
    if (!ours)
        return ours.error();
    std::vector<const sidecar::Parsed*> sources{&ours.value()};
    for (const auto& parsed : read.value().parsed)
        sources.push_back(&parsed);
    std::vector<const sidecar::Block*> all = unionOf(sources);
    const std::size_t known = ours.value().blocks.size();
    // unionOf() keeps the store's blocks first: what follows them is new to the store.
    std::vector<const sidecar::Block*> fresh(all.begin() + static_cast<std::ptrdiff_t>(std::min(known, all.size())),
                                             all.end());
    if (!fresh.empty()) {
        std::vector<const sidecar::Block*> before(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(known));
        const sidecar::Replayed was = sidecar::replay(before);
        sidecar::Replayed now = sidecar::replay(all);
        std::unordered_set<const sidecar::Block*> isFresh(fresh.begin(), fresh.end());
        for (const auto& [key, writer] : now.last_writers) {
            const auto previous = was.last_writers.find(key);
            if (!isFresh.count(writer.block) || previous == was.last_writers.end() ||
                previous->second.block->envelope.node != store_.nodeId() || previous->second.value == writer.value)
                continue;
            OverriddenChange overridden{writer.kind, 0, writer.block->envelope.author, writer.block->envelope.at,
                                        writer.value, previous->second.value};
            for (const auto& item : now.checklist.items)
                if (item.uid == writer.target)
                    overridden.item_id = item.id;
            report.overridden.push_back(std::move(overridden));
        }
        std::sort(report.overridden.begin(), report.overridden.end(),
                  [](const OverriddenChange& a, const OverriddenChange& b) { return a.their_at > b.their_at; });
        auto merged = std::make_shared<MergedLog>();
        merged->checklist = std::move(now.checklist);
        merged->checklist.document_id = shared.document_id;
        merged->checklist.document_path = shared.document_path;
        std::sort(fresh.begin(), fresh.end(), [](const auto* a, const auto* b) { return a->replayOrderBefore(*b); });
        for (const sidecar::Block* block : fresh) {
            merged->changes.push_back(loggedOf(*block));
            merged->history.push_back(sidecar::historyRowOf(*block, merged->checklist, now.log));
        }
        takeLog(*merged, now.log);
        Change change;
        change.kind = ChangeKind::Merged;
        change.document_id = shared.document_id;
        change.merged = merged;
        auto applied = store_.apply(std::move(change));
        if (!applied)
            return applied.error();
        report.merged = fresh.size();
    }
    writeBack(file, read.value(), all, report, state_->seen);
    state_->appended.erase(file);
    return report;
}

std::string Sharing::authorFor(const std::string& document_path, bool shared)
{
    if (shared) {
        const std::string folder = std::filesystem::path(document_path).parent_path().string();
        auto known = gitNames_.find(folder);
        if (known == gitNames_.end()) {
            auto run = runProcess({"git", "-C", folder, "config", "user.name"});
            const std::string name = run && run.value().exit_code == 0 ? trimmed(run.value().out) : std::string();
            known = gitNames_.emplace(folder, name).first;
        }
        if (!known->second.empty())
            return known->second;
    }
    if (!fallbackAuthor_) {
        const std::string configured = trimmed(Settings::peek(Settings::defaultFile()).get("author"));
        fallbackAuthor_ = configured.empty() ? loginName() : configured;
    }
    return *fallbackAuthor_;
}

void Sharing::useAuthorFor(const std::string& document_path)
{
    bool shared = false;
    if (auto id = store_.documentIdOf(document_path); id && id.value()) {
        auto record = store_.sharedDocument(*id.value());
        shared = record && record.value();
    }
    store_.setAuthor(authorFor(document_path, shared));
}

ShareStatus Sharing::status(std::int64_t document_id)
{
    ShareStatus status;
    auto shared = store_.sharedDocument(document_id);
    if (!shared || !shared.value())
        return status;
    status.shared = true;
    status.sidecar = shared.value()->sidecar;
    auto last = store_.lastLogged(document_id);
    if (last && last.value()) {
        if (auto block = sidecar::decode(last.value()->lines)) {
            status.last_author = block->envelope.author;
            status.last_at = block->envelope.at;
            status.last_kind = block->bodies.front().kind;
        }
    }
    return status;
}

} // namespace rapport
