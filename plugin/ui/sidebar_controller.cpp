#include "sidebar_controller.h"

#include <chrono>
#include <vector>

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

SidebarController::SidebarController(wxWindow* parent, host::HostServices& host, host::HostTestVerbs* verbs)
    : host_(host), testChannel_(TestChannel::fromEnvironment()), localization_(Localization::shared()),
      settings_(Settings::load(Settings::defaultFile())),
      settingsWriter_([this](const Error& error) { reportSettingsFailure(error); }),
      language_(resolveLanguage(settings_.get("language"), host.interfaceLanguage(), systemLanguage())),
      session_(defaultStoreFile(), loadTemplates(host))
{
    session_.restoreSavedSelections(settings_.get(kSelectionsKey));
    session_.setWaitingThresholdDays(waitingThresholdDays(settings_));
    const Status opened = session_.openStore();
    if (!opened)
        host_.log("Rapport: " + opened.error().description(), true);
    panel_ = new SidebarPanel(
        parent, session_, [this](const std::string& line) { trace(line); },
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
    if (const auto& readOnly = session_.readOnly())
        host_.log("Rapport: " + readOnly->description(), true); // the panel says it without the system's words
    if (opened && !session_.readOnly()) {
        // One verified backup a day, made on its own connection and thread: never on the UI thread.
        backup_ = std::jthread([file = defaultStoreFile(), keep = readPreferences(settings_).backups_kept] {
            if (backupDue(file, std::chrono::hours(24)))
                static_cast<void>(backupStore(file, static_cast<std::size_t>(keep)));
        });
    }
    testDriver_ = std::make_unique<TestDriver>(
        *panel_, host_, verbs, [this](const std::string& line) { trace(line); },
        [this](const std::string& description) {
            host_.log("Rapport: " + description, true);
            panel_->showProblem(description);
        });
    sidecarWatch_ = std::make_unique<SidecarWatch>(
        session_, [this] { panel_->externalRefresh(); },
        [this](const std::string& what) { host_.log("Rapport: unexpected error reading a shared checklist: " + what, true); });
    notifier_ = std::make_unique<ReminderNotifier>(session_, host_, settings_, settingsWriter_,
                                                   [this](const std::string& line) { trace(line); });
    notifier_->setLanguage(language_);
    notifier_->setEnabled(remindersEnabled(settings_));
    trace("ready\thost=" + host_.hostName() + "\tstore=" + defaultStoreFile().string() +
          "\tlanguage=" + std::string(languageCode(language_)));
    if (testChannel_) {
        testDriver_->startPolling(*testChannel_);
        // The first line a test waits for: which build of the plugin API the host loaded.
        trace("plugin-attached\tsdk=" + host_.pluginApiVersion());
    }
    host_.log("Rapport: sidebar ready in " + host_.hostName() + " (store " + defaultStoreFile().string() + ")",
              false);
}

SidebarController::~SidebarController()
{
    releasing_ = true; // the adapter has destroyed the panel before releasing the controller
    notifier_.reset();
    static_cast<void>(settingsWriter_.finish()); // the last choice is on disk before this write
    // The selected item of each document, for the next session; written once, at the end,
    // so that moving through the list never waits on the disk.
    const std::string text = session_.savedSelections();
    if (text != settings_.get(kSelectionsKey)) {
        settings_.set(kSelectionsKey, text);
        static_cast<void>(settings_.save()); // a lost selection is harmless; the host may be closing
    }
    testDriver_.reset();
    sidecarWatch_.reset();
    trace("plugin-released");
}

wxWindow* SidebarController::panel() const noexcept { return panel_; }

void SidebarController::onActiveDocumentChanged(const std::string& path)
{
    // Code::Blocks announces each tab switch twice; the second costs nothing.
    if (canonicalDocumentPath(path) == session_.documentPath() && !path.empty())
        return;
    if (testDriver_)
        testDriver_->noteHostEvent(); // a measured switch starts here
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
        // A read-only store is explained by the panel's notice (refresh() below), not as a problem.
        if (moved.error().code != ErrorCode::StoreReadOnly)
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

void SidebarController::onHostReady()
{
    notifier_->start();
    trace("host-ready");
}

void SidebarController::onHostClosing()
{
    testDriver_->stop();
    notifier_->stop();
    panel_->flushPending(); // a note still being typed is kept, not lost with the window
    sidecarWatch_.reset();
    static_cast<void>(session_.settleShared()); // lines appended at the end, sorted into place
}

void SidebarController::setLanguage(Language language)
{
    language_ = language;
    notifier_->setLanguage(language);
    settings_.set("language", languageCode(language));
    // The choice is written (with an fsync, which waits for the disk) while the panel is
    // relabelled, and the switch does not wait for it: a preference, not the user's data
    // (settings_writer.h). A failed write is logged and said in the panel when it is known.
    settingsWriter_.write(settings_);
    panel_->setLanguage(language);
    trace(std::string("language\t") + std::string(languageCode(language)));
}

Status SidebarController::settingsWritten() { return settingsWriter_.finish(); }

void SidebarController::reportSettingsFailure(const Error& error)
{
    host_.log("Rapport: " + error.description(), true);
    if (!releasing_ && panel_)
        panel_->showProblem(error.description(localization_.locale(language_)));
}

Preferences SidebarController::preferences() const { return readPreferences(settings_); }

Status SidebarController::setPreferences(const Preferences& chosen)
{
    static_cast<void>(settingsWriter_.finish()); // one writer at a time, and what it wrote is kept
    Settings changed = settings_;
    writePreferences(changed, chosen);
    if (const Status saved = changed.save(); !saved) {
        host_.log("Rapport: " + saved.error().description(), true);
        return saved;
    }
    settings_ = std::move(changed);
    applyPreferences(chosen);
    trace("preferences\tlanguage=" + chosen.language + "\treminders=" + (chosen.reminders ? "on" : "off") +
          "\twaiting_days=" + std::to_string(chosen.waiting_days) +
          "\tbackups_kept=" + std::to_string(chosen.backups_kept) + "\tshown=" +
          std::string(languageCode(language_)));
    return Status();
}

void SidebarController::settingsChanged()
{
    static_cast<void>(settingsWriter_.finish()); // what it wrote is read back, not lost
    settings_ = Settings::load(Settings::defaultFile());
    applyPreferences(readPreferences(settings_));
    trace("settings-changed");
}

void SidebarController::applyPreferences(const Preferences& chosen)
{
    const Language wanted = resolveLanguage(chosen.language, host_.interfaceLanguage(), systemLanguage());
    if (wanted != language_) {
        language_ = wanted;
        notifier_->setLanguage(wanted);
        panel_->setLanguage(wanted);
    }
    session_.setWaitingThresholdDays(chosen.waiting_days);
    notifier_->setEnabled(chosen.reminders);
    panel_->refresh();
}

std::size_t SidebarController::checkReminders() { return notifier_->check(); }

bool SidebarController::runTestCommand(const std::string& command) { return testDriver_->run(command); }

void SidebarController::showProblem(const std::string& description) { panel_->showProblem(description); }

void SidebarController::focusList() { panel_->focusList(); }

bool SidebarController::runPanelAction(std::string_view id)
{
    if (!panel_)
        return false;
    if (!host_.isPanelShown())
        host_.showPanel(true);
    const bool known = panel_->runPanelAction(id);
    trace(std::string(known ? "panel-action\t" : "problem\tno panel action ") + std::string(id));
    return known;
}

void SidebarController::trace(const std::string& line)
{
    if (testChannel_)
        testChannel_->write(line);
}

} // namespace rapport::ui
