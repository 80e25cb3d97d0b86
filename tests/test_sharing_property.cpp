// Three replicas change one checklist and its client log and exchange their sidecars in
// random orders and partitions (a git merge with the driver, one without it, a
// synchroniser's conflict copy) until they all agree (plugin/core/sharing.h).
#include "sharing_support.h"

#include "change.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <random>
#include <string>
#include <vector>

using namespace rapport;
using namespace rapport::testing;

TEST_CASE("three replicas change one checklist and exchange sidecars in random orders and partitions: all converge")
{
    const char* fromEnvironment = std::getenv("RAPPORT_SHARING_SEED");
    const unsigned firstSeed = fromEnvironment ? static_cast<unsigned>(std::strtoul(fromEnvironment, nullptr, 10))
                                               : std::random_device{}();
    const int seeds = fromEnvironment ? 1 : 12;
    for (int run = 0; run < seeds; ++run) {
        const unsigned seed = firstSeed + static_cast<unsigned>(run);
        INFO("seed " << seed << " (rerun with RAPPORT_SHARING_SEED=" << seed << ")");
        std::mt19937 random(seed);
        testing::TempFolder temp{"rapport-sharing-property"};
        std::vector<std::unique_ptr<Replica>> replicas;
        for (const char* name : {"ana", "bo", "cy"})
            replicas.push_back(std::make_unique<Replica>(temp.path, name, name));
        shareFirst(*replicas[0]);
        for (std::size_t i = 1; i < replicas.size(); ++i) {
            exchange(*replicas[0], *replicas[i]);
            replicas[i]->sync();
        }

        const auto randomOp = [&](Replica& r) {
            Store& s = *r.store;
            const Checklist c = r.checklist();
            const std::int64_t doc = c.document_id;
            const auto anyItem = [&]() -> const ChecklistItem* {
                return c.items.empty() ? nullptr : &c.items[random() % c.items.size()];
            };
            const auto anySection = [&]() -> const ChecklistSection* {
                return c.sections.empty() ? nullptr : &c.sections[random() % c.sections.size()];
            };
            const ChecklistItem* item = anyItem();
            const ChecklistSection* section = anySection();
            const std::int64_t at = 1700000000 + static_cast<std::int64_t>(random() % 100000);
            std::vector<LogEntry> log = s.clientLog(doc).value();
            const LogEntry* entry = log.empty() ? nullptr : &log[random() % log.size()];
            switch (random() % 21) {
            case 0:
            case 1:
                if (item)
                    static_cast<void>(s.setStatus(doc, item->id, static_cast<ItemStatus>(random() % 6),
                                                  randomText(random, 3), at));
                break;
            case 2:
                if (item)
                    static_cast<void>(s.setNote(doc, item->id, randomText(random, random() % 5)));
                break;
            case 3:
                if (item)
                    static_cast<void>(s.setDue(doc, item->id, random() % 2 ? "" : "2030-0" + std::to_string(1 + random() % 9) + "-15"));
                break;
            case 4:
                if (item)
                    static_cast<void>(s.setOwner(doc, item->id, random() % 2 ? Owner::Client : Owner::Us));
                break;
            case 5:
                static_cast<void>(s.addCustomItem(doc, section && random() % 3 ? section->id : 0, "item " + randomText(random, 2)));
                break;
            case 6:
                if (item && section)
                    static_cast<void>(s.moveItem(doc, item->id, section->id, random() % 6));
                break;
            case 7:
                if (item) {
                    auto deleted = s.deleteItem(doc, item->id);
                    if (deleted && random() % 3 == 0)
                        static_cast<void>(s.restoreItem(doc, deleted.value()));
                }
                break;
            case 8:
                static_cast<void>(s.addSection(doc, "section " + randomText(random, 2)));
                break;
            case 9:
                if (section)
                    static_cast<void>(s.renameSection(doc, section->id, randomText(random, 3) + "x"));
                break;
            case 10:
                if (section)
                    static_cast<void>(s.moveSection(doc, section->id, random() % 5));
                break;
            case 11:
                if (section && random() % 2) {
                    auto deleted = s.deleteSection(doc, section->id);
                    if (deleted && random() % 2)
                        static_cast<void>(s.restoreSection(doc, deleted.value()));
                }
                break;
            case 12:
                static_cast<void>(s.setDeadline(doc, random() % 2 ? "" : "2031-12-0" + std::to_string(1 + random() % 9)));
                break;
            case 13:
                static_cast<void>(s.setRevisionRounds(doc, random() % 2 ? std::optional<int>(random() % 4) : std::nullopt,
                                                      static_cast<int>(random() % 3)));
                break;
            case 14:
                if (item && item->template_key.empty())
                    static_cast<void>(s.renameItem(doc, item->id, "renamed " + randomText(random, 2)));
                else if (item)
                    static_cast<void>(s.setInternal(doc, item->id, !item->internal));
                break;
            case 15:
                if (random() % 4 == 0)
                    static_cast<void>(s.addTemplateItems(doc, {{"handover", "docs", {}, "wrap"}}));
                break;
            // The client log: entries with and without promises, edits, resolutions, deletions
            // (some undone), promises linked and unlinked.
            case 16: {
                LogEntry added;
                added.when = "2026-11-" + std::to_string(10 + random() % 9) + "T1" + std::to_string(random() % 10) + ":00";
                added.kind = static_cast<LogKind>(random() % 6);
                added.outcome = added.kind == LogKind::ChangeRequest ? ChangeOutcome::Awaiting : ChangeOutcome::None;
                added.said = "said " + randomText(random, 3);
                added.internal = random() % 4 == 0;
                if (random() % 2)
                    static_cast<void>(s.apply(changes::logEntryWithPromise(doc, added, "promise " + randomText(random, 2),
                                                                           random() % 2 ? "" : "2026-12-0" + std::to_string(1 + random() % 9))));
                else
                    static_cast<void>(s.apply(changes::logEntryAdded(doc, added)));
                break;
            }
            case 17:
                if (entry) {
                    LogEntry edited = *entry;
                    if (random() % 2)
                        edited.answer = randomText(random, 3);
                    else
                        edited.who = "who " + std::to_string(random() % 5);
                    if (random() % 3 == 0)
                        edited.internal = !edited.internal;
                    static_cast<void>(s.apply(changes::logEntryEdited(doc, edited)));
                }
                break;
            case 18:
                if (entry) {
                    LogEntry resolved = *entry;
                    if (resolved.kind == LogKind::ChangeRequest) {
                        resolved.outcome = static_cast<ChangeOutcome>(1 + random() % 3);
                        resolved.decline_reason = resolved.outcome == ChangeOutcome::Declined ? "no " + randomText(random, 2) : "";
                    }
                    resolved.resolution = random() % 3 ? "done " + randomText(random, 2) : "";
                    static_cast<void>(s.apply(changes::logEntryResolved(doc, resolved)));
                }
                break;
            case 19:
                if (entry) {
                    auto deleted = s.apply(changes::logEntryDeleted(doc, entry->id));
                    if (deleted && random() % 3 == 0)
                        static_cast<void>(s.apply(*inverseOf(deleted.value())));
                }
                break;
            case 20:
                if (entry)
                    static_cast<void>(s.apply(changes::logPromiseLinked(doc, entry->id, item && random() % 3 ? item->id : 0)));
                break;
            }
            // The store's rows are exactly what replaying its own log gives.
            REQUIRE_MESSAGE(describe(r.checklist()) == r.replayOfStoreLog(), "replica " << r.folder.filename());
            REQUIRE_MESSAGE(r.logText() == r.replayedLogOfStoreLog(), "replica " << r.folder.filename());
        };

        // How one replica's sidecar reaches another: a git merge with the driver, a git
        // merge without it (conflict markers), or a synchroniser's conflict copy.
        const auto deliver = [&](Replica& from, Replica& to) {
            const std::string theirs = readBytes(from.sidecar());
            switch (random() % 3) {
            case 0: exchange(from, to); break;
            case 1: {
                const std::string ours = readBytes(to.sidecar());
                writeFile(to.sidecar(), ours + "<<<<<<< HEAD\n=======\n" + theirs + ">>>>>>> theirs\n");
                break;
            }
            default:
                writeFile(to.sidecar().parent_path() /
                              ("brief.md.sync-conflict-2024010" + std::to_string(random() % 9) + "-000000-X.rapport"),
                          theirs);
                break;
            }
            to.sync();
        };

        for (int round = 0; round < 12; ++round) {
            for (auto& r : replicas)
                for (unsigned k = random() % 4; k > 0; --k)
                    randomOp(*r);
            // A partition: some pairs exchange this round, in a random order, others not.
            std::vector<std::pair<std::size_t, std::size_t>> pairs;
            for (std::size_t a = 0; a < replicas.size(); ++a)
                for (std::size_t b = 0; b < replicas.size(); ++b)
                    if (a != b && random() % 2)
                        pairs.emplace_back(a, b);
            std::shuffle(pairs.begin(), pairs.end(), random);
            for (const auto& [a, b] : pairs)
                deliver(*replicas[a], *replicas[b]);
        }
        // The partitions heal: everyone's changes reach everyone.
        for (int pass = 0; pass < 2; ++pass)
            for (std::size_t a = 0; a < replicas.size(); ++a)
                for (std::size_t b = 0; b < replicas.size(); ++b)
                    if (a != b)
                        deliver(*replicas[a], *replicas[b]);
        const std::string reference = describe(replicas[0]->checklist());
        const std::string referenceLog = replicas[0]->logText();
        const std::string referenceFile = readBytes(replicas[0]->sidecar());
        for (auto& r : replicas) {
            CHECK(describe(r->checklist()) == reference);
            CHECK(r->logText() == referenceLog);
            CHECK(readBytes(r->sidecar()) == referenceFile);
            CHECK(r->store->sharedLog(r->id()).value().size() ==
                  replicas[0]->store->sharedLog(replicas[0]->id()).value().size());
        }
        if (describe(replicas[1]->checklist()) != reference || describe(replicas[2]->checklist()) != reference) {
            std::cerr << "sharing property test failed with seed " << seed << "\n";
            break;
        }
    }
}
