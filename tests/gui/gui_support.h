// Helpers shared by the GUI tests: a stand-in host and widget look-ups.
#pragma once

#include "document_paths.h"
#include "host_interface.h"
#include "sidebar_panel.h"
#include "store.h"
#include "../temp_folder.h"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <filesystem>
#include <random>
#include <string>
#include <functional>
#include <thread>
#include <vector>

#include <wx/app.h>
#include <wx/frame.h>
#include <wx/timer.h>
#include <wx/toplevel.h>
#include <wx/uiaction.h>
#include <wx/window.h>

namespace rapport::testing {

// A host with one frame for the sidebar's panel; it records what it is asked.
class FrameHost : public host::HostServices {
public:
    explicit FrameHost(int width = 320)
    {
        frame = new wxFrame(nullptr, wxID_ANY, "Rapport GUI test", wxDefaultPosition, wxSize(width, 640));
        frame->Show();
    }
    ~FrameHost() override { frame->Destroy(); }

    std::string hostName() const override { return "GUI test"; }
    std::string pluginApiVersion() const override { return "0.0.0"; }
    void showPanel(bool shown) override { frame->Show(shown); }
    bool isPanelShown() const override { return frame->IsShown(); }
    std::string interfaceLanguage() const override { return language; }
    void log(const std::string& line, bool error) override { (error ? errors : lines).push_back(line); }
    bool openDocument(const std::string& path) override
    {
        opened.push_back(path);
        return true;
    }

    wxFrame* frame;
    std::string language;
    std::vector<std::string> lines;
    std::vector<std::string> errors;
    std::vector<std::string> opened; // what openDocument() was asked to open
};

// A private data folder for the store, set through $RAPPORT_DATA_DIR for one test.
struct DataFolder {
    std::filesystem::path path;
    DataFolder()
    {
        std::random_device seed;
        path = std::filesystem::temp_directory_path() / ("rapport-gui-" + std::to_string(seed()));
        std::filesystem::create_directories(path);
        setenv("RAPPORT_DATA_DIR", path.c_str(), 1);
    }
    ~DataFolder()
    {
        unsetenv("RAPPORT_DATA_DIR");
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};

// The window called `name` below `root`, cast to T; fails the test when absent.
template <class T>
T* findNamed(wxWindow* root, const char* name)
{
    wxWindow* found = wxWindow::FindWindowByName(name, root);
    REQUIRE_MESSAGE(found != nullptr, "no window named " << name);
    T* typed = dynamic_cast<T*>(found);
    REQUIRE_MESSAGE(typed != nullptr, name << " has another type");
    return typed;
}

// Saves what `window`'s top-level frame shows to build/artifacts/NAME (a real X screenshot).
inline bool screenshot(wxWindow* window, const std::string& name)
{
    wxWindow* frame = wxGetTopLevelParent(window);
    const std::string folder = std::string(RAPPORT_BINARY_DIR) + "/artifacts";
    const wxRect rect = frame->GetScreenRect();
    const std::string command = "mkdir -p '" + folder + "' && import -window root -crop " + std::to_string(rect.width) +
                                "x" + std::to_string(rect.height) + "+" + std::to_string(rect.x) + "+" +
                                std::to_string(rect.y) + " '" + folder + "/" + name + "' 2>/dev/null";
    return std::system(command.c_str()) == 0;
}

// The local day `days_from_today` from today, as ISO 8601 ("2026-12-01").
inline std::string isoDay(int days_from_today)
{
    const auto day = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()) +
                     std::chrono::days{days_from_today};
    const std::chrono::year_month_day ymd{day};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return text;
}

// Lets wx process pending events (layout, paint) without blocking.
inline void settle()
{
    for (int i = 0; i < 5; ++i) {
        wxTheApp->ProcessPendingEvents();
        wxTheApp->Yield(true);
    }
}

// Sends real key presses through the X server and lets wx handle them.
struct Keyboard {
    wxUIActionSimulator sim;
    void press(int key, int modifiers = wxMOD_NONE)
    {
        sim.Char(key, modifiers);
        settle();
    }
    void type(const char* text)
    {
        sim.Text(text);
        settle();
    }
};

// Drives a modal dialog that is about to open, from inside its own event loop: once a top-level
// window called `name` is shown, runs one step per tick (a step sends keys and returns, so
// that the dialog's loop handles them before the next step looks). Steps may CHECK.
class ModalScript {
public:
    ModalScript(std::string name, std::vector<std::function<void(wxWindow* dialog)>> steps)
        : name_(std::move(name)), steps_(std::move(steps))
    {
        timer_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { tick(); });
        timer_.Start(150);
    }
    // True once every step ran.
    bool finished() const noexcept { return next_ == steps_.size(); }

private:
    void tick()
    {
        if (finished()) {
            timer_.Stop();
            return;
        }
        wxWindow* dialog = nullptr;
        for (wxWindow* top : wxTopLevelWindows)
            if (top->GetName() == name_ && top->IsShown())
                dialog = top;
        if (!dialog)
            return; // not open yet, or closed by the last step
        steps_[next_++](dialog);
    }

    std::string name_;
    std::vector<std::function<void(wxWindow*)>> steps_;
    std::size_t next_ = 0;
    wxTimer timer_;
};

// Makes `top` (a frame or a dialog) the active window with the keyboard focus on `window`.
inline void focusWithin(wxWindow* top, wxWindow* window)
{
    top->Raise();
    top->SetFocus();
    settle();
    window->SetFocus();
    settle();
    for (int i = 0; i < 20 && wxWindow::FindFocus() != window; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        window->SetFocus();
        settle();
    }
    REQUIRE_MESSAGE(wxWindow::FindFocus() == window, "the test window did not get the keyboard focus");
}

// Runs the event loop until the report being written is done (the worker reports back).
inline void waitForReport(ui::SidebarPanel* panel)
{
    for (int i = 0; i < 400 && panel->writingReport(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        settle();
    }
    settle();
    REQUIRE_FALSE(panel->writingReport());
}

// What another connection to the store in `data` sees of `doc`: only committed changes.
inline Checklist committedChecklist(const std::filesystem::path& data, const std::string& doc)
{
    auto store = Store::open(data / "rapport.sqlite3");
    REQUIRE(store);
    auto checklist = store.value().checklistFor(canonicalDocumentPath(doc));
    REQUIRE(checklist);
    REQUIRE(checklist.value().has_value());
    return *checklist.value();
}

// The reports kept for `doc` in the store in `data`, as another connection sees them.
inline std::vector<StoredReport> committedReports(const std::filesystem::path& data, const std::string& doc)
{
    const std::int64_t document = committedChecklist(data, doc).document_id;
    auto store = Store::open(data / "rapport.sqlite3");
    REQUIRE(store);
    auto reports = store.value().reports(document);
    REQUIRE(reports);
    return reports.value();
}

// The client log of `doc` in the store in `data`, as another connection sees it.
inline std::vector<LogEntry> committedLog(const std::filesystem::path& data, const std::string& doc)
{
    const std::int64_t document = committedChecklist(data, doc).document_id;
    auto store = Store::open(data / "rapport.sqlite3");
    REQUIRE(store);
    auto log = store.value().clientLog(document);
    REQUIRE(log);
    return log.value();
}

} // namespace rapport::testing
