#include "sidebar_controller.h"

#include "report_dialogs.h"

#include <cstdlib>
#include <sstream>

namespace rapport::ui {

namespace {

TemplateLibrary loadTemplates(host::HostServices& host)
{
    TemplateLibrary library = TemplateLibrary::load(defaultTemplateFolders());
    for (const auto& error : library.errors())
        host.log("Rapport: template skipped: " + error.description(), true);
    return library;
}

// The remembered selections, as the session writes them, under one settings key.
constexpr const char* kSelectionsKey = "selected-items";

} // namespace

SidebarController::SidebarController(host::HostServices& host)
    : host_(host), testChannel_(TestChannel::fromEnvironment()), localization_(Localization::shared()),
      settings_(Settings::load(Settings::defaultFile())),
      language_(resolveLanguage(settings_.get("language"), host.interfaceLanguage(), systemLanguage())),
      session_(defaultStoreFile(), loadTemplates(host))
{
    session_.restoreSavedSelections(settings_.get(kSelectionsKey));
    const Status opened = session_.openStore();
    if (!opened)
        host_.log("Rapport: " + opened.error().description(), true);
    panel_ = new SidebarPanel(
        host_.panelParent(), session_, [this](const std::string& line) { trace(line); },
        [this](const std::string& description) { host_.log("Rapport: " + description, true); });
    std::vector<std::string> names;
    std::size_t selected = 0;
    for (std::size_t i = 0; i < kLanguages.size(); ++i) {
        names.emplace_back(nativeLanguageName(kLanguages[i]));
        if (kLanguages[i] == language_)
            selected = i;
    }
    panel_->setLanguageChoices(names, selected, [this](std::size_t index) { setLanguage(kLanguages.at(index)); });
    panel_->setLanguage(language_);
    for (const RecoveryNotice& notice : session_.recoveryNotices()) {
        host_.log("Rapport: " + notice.description(), true);
        stickyNotice_ = notice.description(localization_.locale(language_));
        panel_->showProblem(stickyNotice_);
        trace("recovered\t" + notice.damaged_copy.string());
    }
    if (opened) {
        // One verified backup a day, made on its own connection and thread: never on the UI thread.
        backup_ = std::jthread([file = defaultStoreFile()] {
            if (backupDue(file, std::chrono::hours(24)))
                static_cast<void>(backupStore(file));
        });
    }
    trace(std::string("ready\tstore=") + defaultStoreFile().string());
}

SidebarController::~SidebarController()
{
    // The selected item of each document, for the next session; written once, at the end,
    // so that moving through the list never waits on the disk.
    const std::string text = session_.savedSelections();
    if (text != settings_.get(kSelectionsKey)) {
        settings_.set(kSelectionsKey, text);
        static_cast<void>(settings_.save()); // a lost selection is harmless; the host may be closing
    }
}

wxWindow* SidebarController::panel() const noexcept { return panel_; }

void SidebarController::onActiveDocumentChanged(const std::string& path)
{
    // Code::Blocks announces each tab switch twice; the second costs nothing.
    if (canonicalDocumentPath(path) == session_.documentPath() && !path.empty())
        return;
    panel_->flushPending(); // a note still being typed belongs to the document being left
    const Status loaded = session_.setActiveDocument(path);
    panel_->showProblem(loaded ? stickyNotice_ : loaded.error().description(localization_.locale(language_)));
    panel_->refresh();
}

void SidebarController::onDocumentSaved(const std::string& path)
{
    if (const Status noted = session_.documentSaved(path); !noted)
        host_.log("Rapport: " + noted.error().description(), true);
    if (canonicalDocumentPath(path) == session_.documentPath())
        trace("saved\t" + session_.documentPath());
}

void SidebarController::onDocumentRenamed(const std::string& old_path, const std::string& new_path)
{
    const Status moved = session_.documentRenamed(old_path, new_path);
    if (!moved) {
        host_.log("Rapport: " + moved.error().description(), true);
        panel_->showProblem(moved.error().description(localization_.locale(language_)));
    }
    trace("renamed\t" + canonicalDocumentPath(old_path) + "\t" + canonicalDocumentPath(new_path));
    panel_->refresh();
}

void SidebarController::onDocumentClosed(const std::string& path)
{
    if (canonicalDocumentPath(path) == session_.documentPath()) {
        static_cast<void>(session_.setActiveDocument({})); // clearing cannot fail
        panel_->refresh();
    }
}

void SidebarController::onHostReady() { trace("host-ready"); }

void SidebarController::setLanguage(Language language)
{
    language_ = language;
    panel_->setLanguage(language);
    settings_.set("language", languageCode(language));
    if (const Status saved = settings_.save(); !saved)
        host_.log("Rapport: " + saved.error().description(), true);
    trace(std::string("language\t") + std::string(languageCode(language)));
}

bool SidebarController::runTestCommand(const std::string& command)
{
    const auto space = command.find(' ');
    const std::string verb = command.substr(0, space);
    const std::string argument = space == std::string::npos ? std::string() : command.substr(space + 1);
    if (verb == "tick") {
        panel_->toggleItem(static_cast<std::size_t>(std::strtoul(argument.c_str(), nullptr, 10)));
        return true;
    }
    if (verb == "language") {
        for (std::size_t i = 0; i < kLanguages.size(); ++i)
            if (languageCode(kLanguages[i]) == argument)
                panel_->chooseLanguage(i);
        return true;
    }
    if (verb == "attach") {
        panel_->attachTemplate(argument);
        return true;
    }
    if (verb == "select") {
        panel_->selectItem(static_cast<std::size_t>(std::strtoul(argument.c_str(), nullptr, 10)));
        return true;
    }
    if (verb == "search") {
        panel_->setSearchText(argument);
        return true;
    }
    if (verb == "report") { // report LANG FORMAT FILE: as "Create report…" confirmed with these choices
        std::istringstream words(argument);
        std::string code, format, file;
        words >> code >> format;
        std::getline(words >> std::ws, file);
        ReportDraft draft = panel_->reportDefaults();
        if (const auto language = parseLanguage(code))
            draft.language = *language;
        if (const auto parsed = parseReportFormat(format))
            draft.format = *parsed;
        if (!file.empty())
            draft.file = file;
        panel_->createReport(draft);
        return true;
    }
    if (verb == "undo") {
        panel_->undo();
        return true;
    }
    if (verb == "redo") {
        panel_->redo();
        return true;
    }
    return false;
}

std::vector<std::string> SidebarController::takeTestCommands()
{
    return testChannel_ ? testChannel_->takeCommands() : std::vector<std::string>();
}

void SidebarController::showProblem(const std::string& description) { panel_->showProblem(description); }

void SidebarController::trace(const std::string& line)
{
    if (testChannel_)
        testChannel_->write(line);
}

} // namespace rapport::ui
