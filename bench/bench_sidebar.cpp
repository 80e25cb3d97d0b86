// Sidebar benchmarks, run in a real window (under Xvfb from scripts/bench):
//   locales_init_ms             creating the four locales with their catalogues (first time in a process)
//   lang_switch_p50_ms / p99_ms relabelling the whole sidebar in another language, fonts warm
//   lang_switch_ratio_to_plain  p50 divided by the p50 of re-setting the same labels untranslated
//   doc_switch_p50_ms / p99_ms  from "active document changed" to a drawn checklist of 200 items:
//                               the UI thread's CPU time for it, handler, layout and paint
//   doc_switch_wall_*_ms        the same in wall time, which adds the wait for GTK's next frame
//   doc_switch_handler_p50_ms   the handler alone, before GTK paints
//   panel_repaint_p50_ms        baseline: GTK repainting the same panel with nothing changed
//   doc_switch_ratio_to_repaint doc_switch_p50_ms / panel_repaint_p50_ms
//   doc_switch_unknown_p99_ms   the same for a document the store has never seen
//   settings_open_ms            "Project settings…" from the menu's choice to the dialog drawn (p50)
#include "bench_host.h"
#include "bench_support.h"
#include "checklist_view.h"
#include "host_interface.h"
#include "localization.h"
#include "project_dialog.h"
#include "sidebar_controller.h"
#include "store.h"
#include "temp_folder.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <vector>

#include <wx/app.h>
#include <wx/frame.h>
#include <wx/init.h>

namespace {

using namespace rapport::bench;

// CPU time of this (the UI) thread: the work a switch costs, without the wait for GTK's
// next frame (up to 16.7 ms at 60 Hz) in which the UI thread is idle and responsive.
double threadCpuMilliseconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

void relabelAllUntranslated(wxWindow* window)
{
    window->SetLabel(window->GetLabel());
    for (wxWindow* child : window->GetChildren())
        relabelAllUntranslated(child);
}

} // namespace

int main(int argc, char** argv)
{
    wxApp::SetInstance(new BenchApp);
    if (!wxEntryStart(argc, argv))
        return 1;
    wxTheApp->CallOnInit();

    const auto start = Clock::now();
    const rapport::Localization fresh;
    std::printf("locales_init_ms %.2f ms\n", millisecondsSince(start));

    const rapport::testing::TempFolder scratch("rapport-bench-sidebar"); // unique: runs may overlap
    const auto data = scratch.path / "data";
    setenv("RAPPORT_DATA_DIR", data.c_str(), 1);
    {
        BenchHost host;
        rapport::ui::SidebarController sidebar(host.frame, host);
        sidebar.onActiveDocumentChanged((data / "brief.md").string());
        sidebar.runTestCommand("attach kickoff");
        wxWindow* panel = sidebar.panel();

        auto switchTo = [&](rapport::Language language) {
            const auto t = Clock::now();
            sidebar.setLanguage(language);
            panel->Update(); // include the repaint the switch causes
            return millisecondsSince(t);
        };
        for (rapport::Language language : rapport::kLanguages) // warm fonts and glyph caches
            switchTo(language);
        std::vector<double> switches, plain;
        // RAPPORT_BENCH_ROUNDS=0 skips the language rounds, to profile the document switch alone.
        const int rounds = std::getenv("RAPPORT_BENCH_ROUNDS") ? std::atoi(std::getenv("RAPPORT_BENCH_ROUNDS")) : 50;
        for (int round = 0; round < rounds; ++round) {
            for (rapport::Language language : rapport::kLanguages)
                switches.push_back(switchTo(language));
            const auto t = Clock::now();
            panel->Freeze();
            relabelAllUntranslated(panel);
            panel->Layout();
            panel->Thaw();
            panel->Update();
            plain.push_back(millisecondsSince(t));
        }
        if (!switches.empty()) {
            std::printf("lang_switch_p50_ms %.3f ms\n", percentile(switches, 0.5));
            std::printf("lang_switch_p99_ms %.3f ms\n", percentile(switches, 0.99));
            std::printf("lang_switch_ratio_to_plain %.2f x\n", percentile(switches, 0.5) / percentile(plain, 0.5));
        }

        // Two documents with 200-item checklists, switched back and forth as the host does.
        {
            auto store = rapport::Store::open(rapport::defaultStoreFile());
            if (!store)
                return 1;
            std::vector<rapport::NewItem> items;
            // Ten sections of twenty; long enough titles that some wrap in a 360 px panel.
            for (int i = 0; i < 200; ++i)
                items.push_back({{}, {}, "Item " + std::to_string(i) + ": agree the scope, the deadline and the budget with the client in writing", "s" + std::to_string(i / 20)});
            for (const char* name : {"a.md", "b.md"})
                if (!store.value().attach(rapport::canonicalDocumentPath((data / name).string()), {}, items))
                    return 1;
        }
        sidebar.setLanguage(rapport::Language::English);
        auto* list = dynamic_cast<rapport::ui::ChecklistView*>(wxWindow::FindWindowByName("rapport-items", panel));
        if (!list)
            return 1;
        std::size_t painted = 0;
        double callMs = 0;
        double wallMs = 0;
        std::vector<double> calls, walls;
        auto open = [&](const std::string& name) {
            const std::size_t before = list->paintedRows();
            const auto t = Clock::now();
            const double cpuStart = threadCpuMilliseconds();
            sidebar.onActiveDocumentChanged((data / name).string());
            callMs = millisecondsSince(t);
            // Until the rows are on screen: GTK 3 paints on its frame clock, so the event loop
            // runs until the list has drawn (a document without a checklist draws no rows).
            list->Refresh();
            const bool rowsExpected = list->IsShownOnScreen() && list->GetItemCount() > 0;
            while (rowsExpected && list->paintedRows() == before && millisecondsSince(t) < 500)
                wxTheApp->Yield(true);
            panel->Update();
            wallMs = millisecondsSince(t);
            painted = list->paintedRows() - before;
            return threadCpuMilliseconds() - cpuStart;
        };
        open("a.md");
        open("b.md");
        std::vector<double> docSwitches, unknown;
        for (int round = 0; round < 200; ++round) {
            docSwitches.push_back(open(round % 2 ? "a.md" : "b.md"));
            calls.push_back(callMs);
            walls.push_back(wallMs);
            unknown.push_back(open("never-seen-" + std::to_string(round) + ".md"));
        }
        // The baseline: repainting the same panel with nothing changed, as GTK does it here.
        std::vector<double> repaints;
        open("a.md");
        for (int round = 0; round < 50; ++round) {
            const std::size_t before = list->paintedRows();
            const double cpuStart = threadCpuMilliseconds();
            const auto t = Clock::now();
            host.frame->Refresh(); // the whole window, every control in it
            while (list->paintedRows() == before && millisecondsSince(t) < 500)
                wxTheApp->Yield(true);
            repaints.push_back(threadCpuMilliseconds() - cpuStart);
        }
        std::printf("panel_repaint_p50_ms %.3f ms\n", percentile(repaints, 0.5));
        std::printf("doc_switch_ratio_to_repaint %.2f x\n", percentile(docSwitches, 0.5) / percentile(repaints, 0.5));
        std::printf("doc_switch_p50_ms %.3f ms\n", percentile(docSwitches, 0.5));
        std::printf("doc_switch_p99_ms %.3f ms\n", percentile(docSwitches, 0.99));
        std::printf("doc_switch_unknown_p99_ms %.3f ms\n", percentile(unknown, 0.99));
        std::printf("doc_switch_handler_p50_ms %.3f ms\n", percentile(calls, 0.5)); // before the paint
        std::printf("doc_switch_wall_p50_ms %.3f ms\n", percentile(walls, 0.5));   // with the frame wait
        std::printf("doc_switch_wall_p99_ms %.3f ms\n", percentile(walls, 0.99));
        open("a.md");
        std::printf("doc_switch_rows_painted %zu rows\n", painted);

        // "Project settings…" on a.md with its settings and three rounds set: from the
        // menu's choice to the dialog drawn (built, filled, its rounds read from the history).
        {
            rapport::SidebarSession session(rapport::defaultStoreFile(), rapport::TemplateLibrary{});
            if (!session.openStore() || !session.setActiveDocument((data / "a.md").string()))
                return 1;
            rapport::ProjectSettings settings = rapport::projectSettingsOf(*session.checklist());
            settings.client_name = "Acme";
            settings.client_language = "ru";
            settings.update_rhythm = "monthly";
            settings.next_update_due = "2026-12-31";
            settings.revision_rounds_agreed = 3;
            if (!session.setProjectSettings(settings))
                return 1;
            for (const char* purpose : {"Homepage copy", "Logo colours", "Footer"})
                if (!session.startRevisionRound(purpose))
                    return 1;
            const std::locale& loc = rapport::Localization::shared().locale(rapport::Language::English);
            const auto iso = [](const std::string& date) { return wxString::FromUTF8(date); };
            std::vector<double> opens;
            for (int round = 0; round < 21; ++round) {
                const auto t = Clock::now();
                auto* dialog = new rapport::ui::ProjectDialog(host.frame, session, rapport::Language::English, loc, iso);
                dialog->Show();
                dialog->Update();
                const double ms = millisecondsSince(t);
                if (round > 0) // the first warms the fonts
                    opens.push_back(ms);
                dialog->Destroy();
                wxTheApp->Yield(true);
            }
            std::printf("settings_open_ms %.3f ms\n", percentile(opens, 0.5));
        }
        host.frame->Destroy();
    }
    wxEntryCleanup();
    return 0;
}
