#include "test_driver.h"

#include "report_dialogs.h"
#include "sidebar_panel.h"

#include <cstdlib>
#include <exception>
#include <sstream>

#include <wx/app.h>

namespace rapport::ui {

namespace {

constexpr int kPollMilliseconds = 50;

std::size_t indexArgument(const std::string& argument)
{
    return static_cast<std::size_t>(std::strtoul(argument.c_str(), nullptr, 10));
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
    else if (verb == "language") {
        for (std::size_t i = 0; i < kLanguages.size(); ++i)
            if (languageCode(kLanguages[i]) == argument)
                panel_.chooseLanguage(i);
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
    } else {
        return false;
    }
    return true;
}

} // namespace rapport::ui
