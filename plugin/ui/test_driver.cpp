#include "test_driver.h"

#include "checklist_view.h"
#include "report_dialogs.h"
#include "sidebar_panel.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <sstream>
#include <vector>

#include <wx/dialog.h>
#include <wx/bookctrl.h>
#include <wx/choice.h>
#include <wx/app.h>
#include <wx/utils.h>

namespace rapport::ui {

namespace {

constexpr int kPollMilliseconds = 50;

std::size_t indexArgument(const std::string& argument)
{
    return static_cast<std::size_t>(std::strtoul(argument.c_str(), nullptr, 10));
}

// This (the UI) thread's CPU time: the work a switch costs, not the wait for the next frame.
double threadCpuMilliseconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

double wallMilliseconds()
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::string percentiles(const char* name, std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    char text[96];
    std::snprintf(text, sizeof text, "\t%s_p50=%.3f\t%s_p99=%.3f", name, values[values.size() / 2], name,
                  values[static_cast<std::size_t>(0.99 * static_cast<double>(values.size() - 1))]);
    return text;
}

} // namespace

TestDriver::TestDriver(SidebarPanel& panel, host::HostServices& host, host::HostTestVerbs* verbs, TraceSink trace,
                       ErrorSink error)
    : panel_(panel), host_(host), verbs_(verbs), trace_(std::move(trace)), error_(std::move(error))
{
}

TestDriver::~TestDriver() { Stop(); }

void TestDriver::startPolling(TestChannel& channel)
{
    channel_ = &channel;
    Start(kPollMilliseconds);
}

void TestDriver::stop()
{
    Stop();
    channel_ = nullptr;
}

void TestDriver::Notify()
{
    // A timer callback of the host's event loop: nothing thrown may leave it, and each
    // command runs on its own, so that one that fails does not swallow the ones after it.
    std::vector<std::string> commands;
    try {
        if (channel_)
            commands = channel_->takeCommands();
    } catch (...) {
        return; // the file is read again on the next tick
    }
    for (const std::string& command : commands) {
        try {
            if (!run(command))
                trace_("problem\tunknown command: " + command);
        } catch (const std::exception& e) {
            try {
                error_(std::string("unexpected error in test command: ") + e.what());
            } catch (...) {
            }
        } catch (...) {
            try {
                error_("unexpected error in test command");
            } catch (...) {
            }
        }
    }
}

bool TestDriver::run(const std::string& command)
{
    const auto space = command.find(' ');
    const std::string verb = command.substr(0, space);
    const std::string argument = space == std::string::npos ? std::string() : command.substr(space + 1);
    return runSidebarVerb(verb, argument) || runHostVerb(verb, argument);
}

bool TestDriver::runSidebarVerb(const std::string& verb, const std::string& argument)
{
    if (verb == "tick")
        panel_.toggleItem(indexArgument(argument));
    else if (verb == "select")
        panel_.selectItem(indexArgument(argument));
    else if (verb == "attach")
        panel_.attachTemplate(argument);
    else if (verb == "search")
        panel_.setSearchText(argument);
    else if (verb == "undo")
        panel_.undo();
    else if (verb == "redo")
        panel_.redo();
    else if (verb == "measure-switch")
        measureSwitches(argument);
    else if (verb == "panel-state")
        trace_(std::string("panel\t") + (host_.isPanelShown() ? "shown" : "hidden"));
    else if (verb == "language") {
        for (std::size_t i = 0; i < kLanguages.size(); ++i)
            if (languageCode(kLanguages[i]) == argument)
                panel_.chooseLanguage(i);
    } else if (verb == "settings-page") {
        chooseInSettingsPage(argument);
    } else if (verb == "report") {
        std::istringstream words(argument);
        std::string code, format, file;
        words >> code >> format;
        std::getline(words >> std::ws, file);
        ReportDraft draft = panel_.reportDefaults();
        if (const auto language = parseLanguage(code))
            draft.language = *language;
        if (const auto parsed = parseReportFormat(format))
            draft.format = *parsed;
        if (!file.empty())
            draft.file = file;
        panel_.createReport(draft);
    } else {
        return false;
    }
    return true;
}

void TestDriver::chooseInSettingsPage(const std::string& code)
{
    // The page is in the host's modal settings dialog, which runs its own loop: found by name
    // among every window, as a person would look for it.
    auto* page = wxWindow::FindWindowByName("rapport-settings");
    auto* languages = dynamic_cast<wxChoice*>(wxWindow::FindWindowByName("rapport-settings-language", page));
    auto* dialog = page ? dynamic_cast<wxDialog*>(wxGetTopLevelParent(page)) : nullptr;
    if (!page || !languages || !dialog)
        return trace_("problem\tno settings page");
    if (code == "show") { // the page chosen in the dialog's list of pages, for a screenshot
        for (wxWindow* child = page; child && child != dialog; child = child->GetParent())
            if (auto* book = dynamic_cast<wxBookCtrlBase*>(child->GetParent()))
                if (const int at = book->FindPage(child); at != wxNOT_FOUND)
                    book->SetSelection(static_cast<size_t>(at));
        return trace_("settings-page\tshown");
    }
    int entry = 0; // the editor's language
    for (std::size_t i = 0; i < kLanguages.size(); ++i)
        if (languageCode(kLanguages[i]) == code)
            entry = static_cast<int>(i) + 1;
    languages->SetSelection(entry);
    trace_("settings-page\tfound\tentries=" + std::to_string(languages->GetCount()));
    dialog->EndModal(wxID_OK); // the dialog's OK: the host applies its pages
}

void TestDriver::noteHostEvent()
{
    hostEventCpu_ = threadCpuMilliseconds();
    hostEventWall_ = wallMilliseconds();
}

void TestDriver::measureSwitches(const std::string& argument)
{
    std::istringstream words(argument);
    int rounds = 0;
    std::string paths[2];
    words >> rounds >> paths[0] >> paths[1];
    auto* list = dynamic_cast<ChecklistView*>(wxWindow::FindWindowByName("rapport-items", &panel_));
    if (!verbs_ || !list || rounds < 2)
        return;
    // GTK paints on its frame clock: the loop runs until the list has drawn, sleeping rather than spinning.
    auto waitForPaint = [&](std::size_t before, double since) {
        while (list->paintedRows() == before && wallMilliseconds() - since < 1000) {
            wxTheApp->Yield(true);
            wxMicroSleep(200);
        }
    };
    std::vector<double> cpu, wall, repaint;
    for (int round = 0; round < rounds; ++round) {
        const std::size_t before = list->paintedRows();
        hostEventWall_ = 0;
        if (!verbs_->activateDocument(paths[round % 2]) || hostEventWall_ == 0)
            return trace_("problem\tno switch to " + paths[round % 2]);
        waitForPaint(before, hostEventWall_);
        cpu.push_back(threadCpuMilliseconds() - hostEventCpu_);
        wall.push_back(wallMilliseconds() - hostEventWall_);
    }
    // The baseline: the same list repainted with nothing changed (Xvfb paints in software).
    for (int round = 0; round < rounds / 4 + 1; ++round) {
        const std::size_t before = list->paintedRows();
        const double start = threadCpuMilliseconds();
        list->Refresh();
        waitForPaint(before, wallMilliseconds());
        repaint.push_back(threadCpuMilliseconds() - start);
    }
    trace_("measured\tdoc_switch\trounds=" + std::to_string(rounds) + percentiles("cpu", cpu) +
           percentiles("wall", wall) + percentiles("repaint", repaint));
}

bool TestDriver::runHostVerb(const std::string& verb, const std::string& argument)
{
    if (!verbs_)
        return false;
    if (verb == "activate") {
        if (!verbs_->activateDocument(argument))
            trace_("problem\tnot open: " + argument);
    } else if (verb == "save-as") {
        if (!verbs_->saveActiveDocumentAs(argument))
            trace_("problem\tsave failed: " + argument);
    } else if (verb == "menu-toggle-sidebar") {
        verbs_->chooseToggleSidebarMenu();
        trace_(std::string("panel\t") + (host_.isPanelShown() ? "shown" : "hidden"));
    } else if (verb == "quit") {
        stop();
        // Closing the host releases the sidebar, this driver included: never from inside
        // the driver's own timer callback, but once the event loop is back in charge.
        host::HostTestVerbs* verbs = verbs_;
        wxTheApp->CallAfter([verbs] {
            try {
                verbs->quitHost();
            } catch (...) { // the adapter contains its own; this is the UI's last line
            }
        });
    } else if (verb == "throw") {
        verbs_->throwInHostCallback();
    } else if (verb == "close") {
        if (!verbs_->closeDocument(argument))
            trace_("problem\tnot closed: " + argument);
    } else if (verb == "host-menu") {
        const std::vector<std::string> lines = verbs_->actionMenuReport();
        for (const std::string& line : lines)
            trace_("host-menu\t" + line);
        trace_("host-menu-done\titems=" + std::to_string(lines.size()));
    } else if (verb == "host-menu-run") {
        if (!verbs_->chooseActionMenu(argument))
            trace_("problem\tno host menu item for " + argument);
    } else if (verb == "settings-dialog") {
        if (!verbs_->openSettingsDialog())
            trace_("problem\tno settings dialog");
    } else if (verb == "plugin-manager") {
        if (!verbs_->openPluginManager())
            trace_("problem\tno plugin manager");
    } else {
        return false;
    }
    return true;
}

} // namespace rapport::ui
