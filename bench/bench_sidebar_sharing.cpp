// A shared checklist in the real sidebar (under Xvfb from scripts/bench):
//   refresh_ms       a colleague's change arrives in the sidecar on disk (written whole, as git
//                    or a synchroniser does) -> the sidebar shows it: from the watch noticing
//                    the file (the file event) to the list painted with the change, p50 of 40,
//                    on a 200-item checklist whose log holds 1,000 changes (goal: at most 100 ms)
//   refresh_p99_ms   the same, p99
//   refresh_poll_ms  how long the file event itself can take to come: the watch's interval
//                    (a change shows within refresh_poll_ms + refresh_ms)
#include "bench_host.h"
#include "bench_support.h"
#include "checklist_view.h"
#include "host_interface.h"
#include "sharing.h"
#include "sidebar_controller.h"
#include "sidebar_panel.h"
#include "sidecar_file.h"
#include "sidecar_format.h"
#include "sidecar_watch.h"
#include "atomic_file.h"
#include "store.h"
#include "temp_folder.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include <wx/app.h>
#include <wx/frame.h>
#include <wx/init.h>

namespace {

using namespace rapport::bench;

bool fail(const char* what)
{
    std::fprintf(stderr, "bench_sharing_sidebar: %s failed\n", what);
    return false;
}

bool run(const std::filesystem::path& data)
{
    BenchHost host;
    rapport::ui::SidebarController sidebar(host.frame, host);
    wxTheApp->Yield(true);
    const std::filesystem::path project = data / "project";
    std::filesystem::create_directories(project);
    const std::string doc = rapport::canonicalDocumentPath((project / "brief.md").string());
    std::ofstream(doc) << "brief\n";
    {
        auto store = rapport::Store::open(rapport::defaultStoreFile());
        if (!store)
            return fail("open");
        std::vector<rapport::NewItem> items;
        for (int i = 0; i < 200; ++i)
            items.push_back({{}, {}, "Item " + std::to_string(i) + ": agree the scope with the client in writing",
                             "s" + std::to_string(i / 20)});
        if (!store.value().attach(doc, {}, items))
            return fail("attach");
    }
    sidebar.onActiveDocumentChanged(doc);
    auto* panel = dynamic_cast<rapport::ui::SidebarPanel*>(sidebar.panel());
    auto* list = dynamic_cast<rapport::ui::ChecklistView*>(wxWindow::FindWindowByName("rapport-items", panel));
    if (!panel || !list)
        return fail("panel");
    panel->shareChecklist(false);
    const std::filesystem::path file = rapport::sidecar::pathFor(doc);

    // A colleague who joined from the sidecar; a log of 1,000 changes between them.
    const std::filesystem::path theirs = data / "colleague";
    std::filesystem::create_directories(theirs / ".rapport");
    const std::string theirDoc = (theirs / "brief.md").string();
    std::ofstream(theirDoc) << "brief\n";
    std::filesystem::copy_file(file, rapport::sidecar::pathFor(theirDoc));
    auto store = rapport::Store::open(theirs / "store.sqlite3");
    if (!store)
        return fail("colleague's store");
    rapport::Sharing sharing(store.value());
    store.value().setAuthor("Bo");
    if (!sharing.sync(theirDoc))
        return fail("join");
    const std::int64_t id = store.value().checklistFor(theirDoc).value()->document_id;
    for (int i = 0; i < 1000; ++i)
        if (!store.value().setNote(id, 1 + i % 200, "note " + std::to_string(i)))
            return fail("colleague's changes");
    const auto deliver = [&] {
        const auto merged = rapport::sidecar::mergeTexts({rapport::testing::readBytes(file), rapport::testing::readBytes(rapport::sidecar::pathFor(theirDoc))});
        return merged && rapport::writeFileAtomically(file, *merged);
    };
    if (!deliver())
        return fail("deliver");
    sidebar.sidecarWatch().check();

    std::vector<double> refreshes;
    for (int round = 0; round < 40; ++round) {
        const auto status = round % 2 ? rapport::ItemStatus::ToDo : rapport::ItemStatus::Done;
        if (!store.value().setStatus(id, 1 + round % 200, status, {}, 1700000000 + round) || !deliver())
            return fail("a change");
        const std::size_t before = list->paintedRows();
        const auto t = Clock::now();
        sidebar.sidecarWatch().check(); // the tick that notices the file
        list->Refresh();
        while (list->paintedRows() == before && millisecondsSince(t) < 1000)
            wxTheApp->Yield(true);
        panel->Update();
        refreshes.push_back(millisecondsSince(t));
        const auto shown = panel->IsShown() ? list->rows().size() : 0;
        if (shown == 0)
            return fail("the list");
    }
    std::printf("refresh_ms %.2f ms\n", percentile(refreshes, 0.5));
    std::printf("refresh_p99_ms %.2f ms\n", percentile(refreshes, 0.99));
    std::printf("refresh_poll_ms %d ms\n", rapport::ui::SidecarWatch::kPollMilliseconds);
    host.frame->Destroy();
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    wxApp::SetInstance(new BenchApp);
    if (!wxEntryStart(argc, argv))
        return 1;
    wxTheApp->CallOnInit();
    const rapport::testing::TempFolder scratch("rapport-bench-sharing-sidebar"); // unique: runs may overlap
    const auto data = scratch.path / "data";
    setenv("RAPPORT_DATA_DIR", data.c_str(), 1);
    const bool ok = run(data);
    wxEntryCleanup();
    return ok ? 0 : 1;
}
