// A store in a temporary folder of its own, with one document (/docs/brief.md) whose
// checklist holds the items given; and what tests read back from it, each read required
// to succeed. Header-only, for the core tests.
#pragma once

#include "store.h"
#include "temp_folder.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace rapport::testing {

struct StoreFixture {
    TempFolder folder;
    Store store;
    std::int64_t doc = 0;

    // `prefix` names the temporary folder; `items` are attached with the kickoff template's key.
    StoreFixture(const std::string& prefix, const std::vector<NewItem>& items) : folder(prefix), store(open())
    {
        auto attached = store.attach("/docs/brief.md", "kickoff", items);
        REQUIRE(attached);
        doc = attached.value().document_id;
    }

    // Another connection to the same store.
    Store open() const
    {
        auto opened = Store::open(folder.store);
        REQUIRE(opened);
        return std::move(opened.value());
    }

    // The document's checklist as the store has it now.
    Checklist checklist()
    {
        auto loaded = store.checklistFor("/docs/brief.md");
        REQUIRE(loaded);
        REQUIRE(loaded.value());
        return *loaded.value();
    }

    // The document's history rows, oldest first.
    std::vector<HistoryEntry> history()
    {
        auto entries = store.history(doc);
        REQUIRE(entries);
        return entries.value();
    }
};

} // namespace rapport::testing
