#include "item_text.h"
#include "sidebar_panel.h"

#include "checklist_view.h"
#include "icons.h"
#include "item_detail.h"
#include "report_dialogs.h"
#include "report_file.h"

#include <boost/locale/collator.hpp>
#include <boost/locale/format.hpp>
#include <boost/locale/message.hpp>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <exception>
#include <utility>

#include <wx/app.h>
#include <wx/bmpbuttn.h>
#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/gauge.h>
#include <wx/menu.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace rapport::ui {

namespace bl = boost::locale;

namespace {

// Runs a wx event handler's body so that no exception reaches wx's event loop, which
// inside Code::Blocks would end the editor and lose the user's unsaved work.
template <class Body>
void guarded(SidebarPanel& panel, const SidebarPanel::ErrorSink& errorSink, Body&& body) noexcept
{
    try {
        body();
    } catch (const std::exception& e) {
        try {
            panel.showProblem(e.what());
            if (errorSink)
                errorSink(std::string("unexpected error: ") + e.what());
        } catch (...) {
        }
    } catch (...) {
        try {
            if (errorSink)
                errorSink("unexpected error");
        } catch (...) {
        }
    }
}

// The filter choice's entries, in order.
enum FilterEntry {
    FilterAll,
    FilterToDo,
    FilterInProgress,
    FilterWaiting,
    FilterBlocked,
    FilterDone,
    FilterNotApplicable,
    FilterOverdue,
    FilterClient,
    FilterUs,
    FilterCount
};

// The menu entries of the "More" button.
enum MenuId {
    MenuLanguageFirst = wxID_HIGHEST + 50,
    MenuAddSection = wxID_HIGHEST + 100,
    MenuCreateReport,
    MenuPastReports,
    MenuAddTemplateFirst = wxID_HIGHEST + 200
};

wxString withShortcut(const wxString& label, const char* keys) { return label + " (" + keys + ")"; }

} // namespace

SidebarPanel::SidebarPanel(wxWindow* parent, SidebarSession& session, TraceSink trace, ErrorSink error)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "rapport-sidebar"),
      session_(session), traceSink_(std::move(trace)), errorSink_(std::move(error))
{
    // An explicit font, inherited by every control made below: on GTK, a control without
    // one asks a freshly made native widget for its default font each time it measures text.
    SetFont(wxSystemSettings::GetFont(wxSYS_DEFAULT_GUI_FONT));
    SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT));
    buildControls();
    relabeler_.apply(locale_);
}

SidebarPanel::~SidebarPanel()
{
    alive_.reset();
    if (reportWorker_.joinable())
        reportWorker_.join(); // a report file is finished, never cut off half-written
}

void SidebarPanel::buildControls()
{
    auto* column = new wxBoxSizer(wxVERTICAL);
    const int gap = FromDIP(6);

    // The sidebar's own language, independent of the host's: choosing one relabels the
    // panel at once, without a restart.
    auto* languageRow = new wxBoxSizer(wxHORIZONTAL);
    auto* languageLabel = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                                           "rapport-language-label");
    // A button that opens a menu of the languages rather than a drop-down list: a list is
    // measured whole at once, and drawing "简体中文" there would load a CJK font (about
    // 2.6 MB inside the host) for every user; a menu draws the names only when opened.
    languageButton_ = new wxButton(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                                   wxDefaultValidator, "rapport-language");
    languageRow->Add(languageLabel, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    languageRow->Add(languageButton_, 1, wxALIGN_CENTER_VERTICAL);
    column->Add(languageRow, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
    // TRANSLATORS: label of the selector for the sidebar's interface language; keep it short.
    relabeler_.label(languageLabel, bl::translate("Language:"));
    relabeler_.tooltip(languageButton_, bl::translate("The language of this sidebar. Reports choose their own."));
    languageButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        guarded(*this, errorSink_, [&] {
            std::unique_ptr<wxMenu> menu = languageMenu();
            const int chosen = GetPopupMenuSelectionFromUser(
                *menu, languageButton_->GetPosition() + wxPoint(0, languageButton_->GetSize().y));
            if (chosen >= MenuLanguageFirst && chosen < MenuLanguageFirst + static_cast<int>(languageNames_.size()))
                chooseLanguage(static_cast<std::size_t>(chosen - MenuLanguageFirst));
        });
    });

    // The header: document, progress, counts, schedule.
    documentLabel_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                      wxST_ELLIPSIZE_MIDDLE, "rapport-document");
    documentLabel_->SetFont(documentLabel_->GetFont().Bold());
    column->Add(documentLabel_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
    auto* progressRow = new wxBoxSizer(wxHORIZONTAL);
    progressBar_ = new wxGauge(this, wxID_ANY, 100, wxDefaultPosition, FromDIP(wxSize(-1, 10)),
                               wxGA_HORIZONTAL | wxGA_SMOOTH, wxDefaultValidator, "rapport-progress");
    percentLabel_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                                     "rapport-progress-text");
    progressRow->Add(progressBar_, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    progressRow->Add(percentLabel_, 0, wxALIGN_CENTER_VERTICAL);
    column->Add(progressRow, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
    countsLabel_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "rapport-counts");
    column->Add(countsLabel_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
    scheduleLabel_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                                      "rapport-schedule");
    scheduleLabel_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    column->Add(scheduleLabel_, 0, wxEXPAND | wxLEFT | wxRIGHT, gap);

    buildEmptyState(column);
    buildChecklistState(column);

    reportProgress_ = new wxGauge(this, wxID_ANY, 100, wxDefaultPosition, FromDIP(wxSize(-1, 6)),
                                  wxGA_HORIZONTAL | wxGA_SMOOTH, wxDefaultValidator, "rapport-report-progress");
    column->Add(reportProgress_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
    reportProgress_->Hide();
    reportPulse_.SetOwner(this);
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { reportProgress_->Pulse(); }, reportPulse_.GetId());
    problemLabel_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "rapport-problem");
    problemLabel_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_HOTLIGHT));
    column->Add(problemLabel_, 0, wxEXPAND | wxALL, gap);
    problemLabel_->Hide();

    SetSizer(column);
    relabeler_.custom([this](const std::locale&) {
        templateListStale_ = true; // refilled when it is next shown, not on every switch
        refresh();
    });
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& event) { guarded(*this, errorSink_, [&] { onCharHook(event); }); });
    Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        CallAfter([this] {
            guarded(*this, errorSink_, [&] {
                if (refreshHeader()) // re-wrapped to the new width
                    Layout();
            });
        });
    });
}

void SidebarPanel::buildEmptyState(wxBoxSizer* column)
{
    const int gap = FromDIP(6);
    emptyLabel_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "rapport-empty");
    column->Add(emptyLabel_, 0, wxEXPAND | wxALL, gap);
    templatesLabel_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                                       "rapport-templates-label");
    column->Add(templatesLabel_, 0, wxEXPAND | wxLEFT | wxRIGHT, gap);
    templateList_ = new wxCheckListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 96)), 0, nullptr,
                                       wxLB_SINGLE, wxDefaultValidator, "rapport-templates");
    column->Add(templateList_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
    previewLabel_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                                     "rapport-preview-label");
    column->Add(previewLabel_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
    preview_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                              wxTE_MULTILINE | wxTE_READONLY | wxTE_WORDWRAP, wxDefaultValidator, "rapport-template-preview");
    column->Add(preview_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
    auto* buttons = new wxBoxSizer(wxVERTICAL);
    attachButton_ = new wxButton(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                                 "rapport-attach");
    emptyButton_ = new wxButton(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                                "rapport-start-empty");
    buttons->Add(attachButton_, 0, wxEXPAND | wxBOTTOM, gap);
    buttons->Add(emptyButton_, 0, wxEXPAND);
    column->Add(buttons, 0, wxEXPAND | wxALL, gap);
    // Tab goes from the templates straight to the buttons; the preview comes after them.
    attachButton_->MoveAfterInTabOrder(templateList_);
    emptyButton_->MoveAfterInTabOrder(attachButton_);

    // TRANSLATORS: above the list of templates; ticking several combines them into one checklist.
    relabeler_.label(templatesLabel_, bl::translate("&Templates (tick several to combine them):"));
    // TRANSLATORS: above the list of items the highlighted template would add.
    relabeler_.label(previewLabel_, bl::translate("Items it adds:"));
    // TRANSLATORS: the button that attaches a checklist, made from the chosen template, to the open document.
    relabeler_.label(attachButton_, bl::translate("Attach checklist"));
    // TRANSLATORS: button starting a checklist with no items, to fill with the user's own.
    relabeler_.label(emptyButton_, bl::translate("Start an empty checklist"));
    relabeler_.tooltip(templateList_, bl::translate("The templates the new checklist starts from; Space ticks one"));

    templateList_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent&) { guarded(*this, errorSink_, [&] { showTemplatePreview(); }); });
    templateList_->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent&) { guarded(*this, errorSink_, [&] { onAttachClicked(); }); });
    attachButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { guarded(*this, errorSink_, [&] { onAttachClicked(); }); });
    emptyButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { guarded(*this, errorSink_, [&] { onStartEmptyClicked(); }); });
}

void SidebarPanel::buildChecklistState(wxBoxSizer* column)
{
    const int gap = FromDIP(6);
    auto* filterRow = new wxBoxSizer(wxHORIZONTAL);
    search_ = new wxSearchCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                               "rapport-search");
    search_->ShowCancelButton(true);
    filterChoice_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0, wxDefaultValidator,
                                 "rapport-filter");
    // Both shrink below their natural width, so that a 240 px sidebar shares the row evenly.
    // Full minimum sizes (height too) spare the sizer from asking GTK for their best size at
    // every layout, which for a choice means measuring every entry.
    search_->SetMinSize(wxSize(FromDIP(60), search_->GetBestSize().y));
    filterChoice_->SetMinSize(wxSize(FromDIP(60), filterChoice_->GetBestSize().y));
    filterRow->Add(search_, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap / 2);
    filterRow->Add(filterChoice_, 1, wxALIGN_CENTER_VERTICAL);
    column->Add(filterRow, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);

    auto* actions = new wxBoxSizer(wxHORIZONTAL);
    const auto iconButton = [&](Action action, const char* name) {
        auto* button = new wxButton(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                    wxBU_EXACTFIT | wxBU_NOTEXT, wxDefaultValidator, name);
        button->SetBitmap(actionIcon(action));
        actions->Add(button, 0, wxRIGHT, gap / 2);
        return button;
    };
    addSectionButton_ = iconButton(Action::AddSection, "rapport-add-section");
    undoButton_ = iconButton(Action::Undo, "rapport-undo");
    redoButton_ = iconButton(Action::Redo, "rapport-redo");
    actions->AddStretchSpacer();
    moreButton_ = new wxButton(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT,
                               wxDefaultValidator, "rapport-more");
    actions->Add(moreButton_, 0);
    column->Add(actions, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);

    splitter_ = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH,
                                     "rapport-splitter");
    splitter_->SetMinimumPaneSize(FromDIP(90));
    splitter_->SetSashGravity(0.55);
    listPane_ = new wxPanel(splitter_, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "rapport-list-pane");
    auto* listColumn = new wxBoxSizer(wxVERTICAL);
    list_ = new ChecklistView(listPane_, "rapport-items");
    newItem_ = new wxTextCtrl(listPane_, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER,
                              wxDefaultValidator, "rapport-new-item");
    listColumn->Add(list_, 1, wxEXPAND);
    listColumn->Add(newItem_, 0, wxEXPAND | wxTOP, gap / 2);
    listPane_->SetSizer(listColumn);
    detail_ = new ItemDetail(splitter_, session_, relabeler_,
                             [this](const Status& status, const std::string& line) { onChanged(status, line); });
    splitter_->SplitHorizontally(listPane_, detail_, FromDIP(300));
    // It takes whatever height is left; its best size would measure the whole detail area.
    splitter_->SetMinSize(FromDIP(wxSize(100, 200)));
    column->Add(splitter_, 1, wxEXPAND | wxALL, gap);

    std::array<wxBitmapBundle, 6> icons;
    for (std::size_t s = 0; s < icons.size(); ++s)
        icons[s] = statusIcon(static_cast<ItemStatus>(s));
    list_->setStatusIcons(std::move(icons));

    relabeler_.tooltip(search_, bl::translate("Search titles, notes and reasons (Ctrl+F; Esc clears)"));
    relabeler_.tooltip(filterChoice_, bl::translate("Show only some items"));
    relabeler_.tooltip(addSectionButton_, bl::translate("Add a section (Ctrl+Shift+N)"));
    relabeler_.tooltip(list_, bl::translate("Space: done or not; 1-6: status; Alt+↑/↓: move; Del: delete; "
                                            "Enter: edit details; Ctrl+Z: undo"));
    relabeler_.tooltip(newItem_, bl::translate("Type an item and press Enter to add it to the selected section (Ctrl+N)"));
    // TRANSLATORS: button opening a menu with more actions; keep it very short.
    relabeler_.label(moreButton_, bl::translate("More…"));
    relabeler_.custom([this](const std::locale& loc) {
        // TRANSLATORS: placeholder in the search field above the checklist.
        search_->SetDescriptiveText(translated(bl::translate("Search"), loc));
        // TRANSLATORS: placeholder of the field where a new item is typed.
        newItem_->SetHint(translated(bl::translate("Add an item…"), loc));
        undoButton_->SetToolTip(session_.canUndo() ? withShortcut(translated(bl::translate("Undo: {1}"), loc), "Ctrl+Z")
                                                   : withShortcut(translated(bl::translate("Undo"), loc), "Ctrl+Z"));
        redoButton_->SetToolTip(withShortcut(translated(bl::translate("Redo"), loc), "Ctrl+Y"));
        int selected = filterChoice_->GetSelection();
        filterChoice_->Clear();
        // TRANSLATORS: filter entry showing every item.
        filterChoice_->Append(translated(bl::translate("filter", "All items"), loc));
        for (int s = 0; s <= static_cast<int>(ItemStatus::NotApplicable); ++s)
            filterChoice_->Append(fromUtf8(statusName(static_cast<ItemStatus>(s), loc)));
        // TRANSLATORS: filter entry showing items past their due date.
        filterChoice_->Append(translated(bl::translate("filter", "Overdue"), loc));
        // TRANSLATORS: filter entry showing items the client has to act on.
        filterChoice_->Append(translated(bl::translate("filter", "Client to act"), loc));
        // TRANSLATORS: filter entry showing items we have to act on.
        filterChoice_->Append(translated(bl::translate("filter", "We act"), loc));
        filterChoice_->SetSelection(selected < 0 ? 0 : selected);
        // The accessible names of the icon-only buttons.
        addSectionButton_->SetLabel(translated(bl::translate("Add section"), loc));
        undoButton_->SetLabel(translated(bl::translate("Undo"), loc));
        redoButton_->SetLabel(translated(bl::translate("Redo"), loc));
    });

    list_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent&) { guarded(*this, errorSink_, [&] { onListSelection(); }); });
    list_->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent&) {
        guarded(*this, errorSink_, [&] { detail_->focusFirstField(); });
    });
    list_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& event) { guarded(*this, errorSink_, [&] { onListKey(event); }); });
    list_->onIconClicked([this](std::size_t row) { guarded(*this, errorSink_, [&] { toggleRow(row); }); });
    list_->Bind(wxEVT_CONTEXT_MENU, [this](wxContextMenuEvent&) { guarded(*this, errorSink_, [&] { onMoreMenu(); }); });
    search_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { guarded(*this, errorSink_, [&] { applyFilter(); }); });
    search_->Bind(wxEVT_SEARCHCTRL_CANCEL_BTN, [this](wxCommandEvent&) {
        guarded(*this, errorSink_, [&] {
            search_->ChangeValue(wxString());
            applyFilter();
        });
    });
    filterChoice_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { guarded(*this, errorSink_, [&] { applyFilter(); }); });
    newItem_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { guarded(*this, errorSink_, [&] { onAddItem(); }); });
    addSectionButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { guarded(*this, errorSink_, [&] { onAddSection(); }); });
    undoButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { guarded(*this, errorSink_, [&] { undo(); }); });
    redoButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { guarded(*this, errorSink_, [&] { redo(); }); });
    moreButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { guarded(*this, errorSink_, [&] { onMoreMenu(); }); });
}

void SidebarPanel::fillTemplateList()
{
    // Keep the ticked templates ticked across languages; list them in the language's own order.
    std::vector<std::string> ticked;
    for (unsigned i = 0; i < templateList_->GetCount() && i < templateKeys_.size(); ++i)
        if (templateList_->IsChecked(i))
            ticked.push_back(templateKeys_[i]);
    const int highlighted = templateList_->GetSelection();
    const std::string highlightedKey = highlighted >= 0 && static_cast<std::size_t>(highlighted) < templateKeys_.size()
                                           ? templateKeys_[static_cast<std::size_t>(highlighted)]
                                           : std::string();
    std::vector<std::pair<std::string, std::string>> titled; // (translated title, key)
    for (const auto& entry : session_.templates().templates())
        titled.emplace_back(bl::translate(entry.context().c_str(), entry.title.c_str()).str(locale_), entry.key);
    const auto& collator = std::use_facet<bl::collator<char>>(locale_);
    std::sort(titled.begin(), titled.end(), [&](const auto& a, const auto& b) {
        return collator.compare(bl::collator_base::tertiary, a.first, b.first) < 0;
    });
    templateList_->Clear();
    templateKeys_.clear();
    int toSelect = 0;
    for (const auto& [title, key] : titled) {
        const auto row = templateList_->Append(fromUtf8(title));
        if (std::find(ticked.begin(), ticked.end(), key) != ticked.end())
            templateList_->Check(row, true);
        if (key == highlightedKey)
            toSelect = row;
        templateKeys_.push_back(key);
    }
    if (!templateKeys_.empty())
        templateList_->SetSelection(toSelect);
    templateListStale_ = false;
    showTemplatePreview();
}

void SidebarPanel::showTemplatePreview()
{
    const int highlighted = templateList_->GetSelection();
    if (highlighted < 0 || static_cast<std::size_t>(highlighted) >= templateKeys_.size()) {
        preview_->ChangeValue(wxString());
        return;
    }
    const ChecklistTemplate* chosen = session_.templates().find(templateKeys_[static_cast<std::size_t>(highlighted)]);
    if (!chosen)
        return;
    std::string text;
    const std::string context = chosen->context();
    if (!chosen->description.empty())
        text += bl::translate(context.c_str(), chosen->description.c_str()).str(locale_) + "\n";
    for (const auto& section : chosen->sections) {
        text += "\n" + bl::translate(context.c_str(), section.title.c_str()).str(locale_) + "\n";
        for (const auto& item : section.items)
            text += "  \xE2\x80\xA2 " + bl::translate(context.c_str(), item.title.c_str()).str(locale_) + "\n";
    }
    preview_->ChangeValue(fromUtf8(text));
    preview_->ShowPosition(0);
}

void SidebarPanel::setLanguageChoices(const std::vector<std::string>& native_names, std::size_t selected,
                                      LanguageSink onChosen)
{
    languageSink_ = std::move(onChosen);
    languageNames_ = native_names;
    showChosenLanguage(selected);
}

void SidebarPanel::showChosenLanguage(std::size_t index)
{
    if (index >= languageNames_.size())
        return;
    languageChosen_ = index;
    // Each language is named in itself, never translated; the arrow says a menu opens.
    languageButton_->SetLabel(fromUtf8(languageNames_[index] + " \xE2\x96\xBE"));
}

std::unique_ptr<wxMenu> SidebarPanel::languageMenu() const
{
    auto menu = std::make_unique<wxMenu>();
    for (std::size_t i = 0; i < languageNames_.size(); ++i) {
        menu->AppendRadioItem(MenuLanguageFirst + static_cast<int>(i), fromUtf8(languageNames_[i]));
        menu->Check(MenuLanguageFirst + static_cast<int>(i), i == languageChosen_);
    }
    return menu;
}

void SidebarPanel::chooseLanguage(std::size_t index)
{
    if (index >= languageNames_.size())
        return;
    showChosenLanguage(index);
    if (languageSink_)
        languageSink_(index);
}

void SidebarPanel::setLanguage(Language language)
{
    language_ = language;
    locale_ = Localization::shared().locale(language);
    dateCache_.clear();
    layoutPending_ = true; // every label changed
    for (std::size_t i = 0; i < kLanguages.size(); ++i)
        if (kLanguages[i] == language)
            showChosenLanguage(i);
    Freeze();
    relabeler_.apply(locale_); // ends with refresh(), which lays the panel out
    InvalidateBestSize();
    Thaw();
}

std::string SidebarPanel::today() const
{
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &local);
    return text;
}

wxString SidebarPanel::formattedDate(const std::string& iso) const
{
    // ICU date formatting costs tens of microseconds: each date is formatted once per language.
    const auto cached = dateCache_.find(iso);
    if (cached != dateCache_.end())
        return cached->second;
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;
    wxString text = fromUtf8(iso);
    if (std::sscanf(iso.c_str(), "%d-%u-%u", &year, &month, &day) == 3) {
        const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
        if (date.ok())
            text = fromUtf8(Localization::shared().formatDate(language_, std::chrono::sys_days(date)));
    }
    dateCache_.emplace(iso, text);
    return text;
}

void SidebarPanel::refresh()
{
    using View = SidebarSession::View;
    const View view = session_.view();
    Freeze();

    if (view == View::NoChecklist && (templateList_->IsEmpty() || templateListStale_))
        fillTemplateList();

    switch (view) {
    case View::StoreUnavailable:
        documentLabel_->SetLabel(translated(bl::translate("Rapport cannot use its data file"), locale_));
        break;
    case View::NoDocument:
        documentLabel_->SetLabel(translated(bl::translate("No document is open"), locale_));
        break;
    case View::NoChecklist:
    case View::Checklist:
        documentLabel_->SetLabel(fromUtf8(session_.documentName()));
        documentLabel_->SetToolTip(fromUtf8(session_.documentPath()));
        break;
    }

    const bool hasChecklist = view == View::Checklist;
    const bool offersTemplates = view == View::NoChecklist;
    // Laying the panel out asks GTK for every control's size, which costs most of a frame:
    // only when something was shown, hidden, or changed size.
    bool changed = layoutPending_;
    layoutPending_ = false;
    for (wxWindow* window : std::initializer_list<wxWindow*>{progressBar_, percentLabel_, countsLabel_, scheduleLabel_,
                                                             search_, filterChoice_, addSectionButton_, undoButton_,
                                                             redoButton_, moreButton_, splitter_})
        changed = window->Show(hasChecklist) || changed;
    changed = emptyLabel_->Show(!hasChecklist) || changed;
    for (wxWindow* window : std::initializer_list<wxWindow*>{templatesLabel_, templateList_, previewLabel_, preview_,
                                                             attachButton_, emptyButton_})
        changed = window->Show(offersTemplates) || changed;

    if (!hasChecklist) {
        wxString empty;
        if (view == View::NoChecklist)
            empty = translated(bl::translate("No checklist is attached to this document yet. "
                                             "Choose a template to start one."),
                               locale_);
        else if (view == View::NoDocument)
            empty = translated(bl::translate("Open a brief, a contract or a notes file "
                                             "to see the promises attached to it."),
                               locale_);
        else
            empty = fromUtf8(session_.storeError() ? session_.storeError()->description(locale_) : std::string());
        changed = wrapped_.set(emptyLabel_, empty, std::max(GetClientSize().GetWidth() - FromDIP(12), FromDIP(120))) ||
                  changed;
    }

    if (hasChecklist) {
        if (listedDocument_ != session_.documentPath()) {
            // Another document: its own selection, no filter carried over from the last one.
            detail_->flushPending();
            listedDocument_ = session_.documentPath();
            if (filter_.active()) {
                filter_ = {};
                search_->ChangeValue(wxString());
                filterChoice_->SetSelection(0);
            }
        }
        changed = refreshHeader() || changed;
        refreshList();
        refreshDetail();
    } else {
        listedDocument_.clear();
    }
    if (changed)
        Layout();
    Thaw();

    const char* viewName = view == View::Checklist          ? "checklist"
                           : view == View::NoChecklist      ? "no-checklist"
                           : view == View::NoDocument       ? "no-document"
                                                            : "store-unavailable";
    std::string line = std::string("shown\t") + session_.documentPath() + "\t" + viewName;
    if (hasChecklist)
        line += "\titems=" + std::to_string(session_.checklist()->items.size()) + "\tdone=" +
                std::to_string(session_.doneCount());
    trace(line);
}

bool SidebarPanel::refreshHeader()
{
    if (!session_.checklist() || !countsLabel_->IsShown())
        return false;
    const Checklist& checklist = *session_.checklist();
    const std::string day = today();
    const ChecklistFigures figures = figuresOf(checklist, day, static_cast<std::int64_t>(std::time(nullptr)));
    std::size_t open = 0;
    for (const auto& item : checklist.items)
        if (item.status == ItemStatus::ToDo || item.status == ItemStatus::InProgress)
            ++open;
    progressBar_->SetValue(figures.percent_done);
    bool changed = false;
    const wxString percent = fromUtf8(Localization::shared().formatPercent(language_, figures.percent_done / 100.0));
    if (percentLabel_->GetLabel() != percent) {
        percentLabel_->SetLabel(percent);
        changed = percentLabel_->GetBestSize().x != percentLabel_->GetSize().x;
    }
    // TRANSLATORS: the checklist's counts under the progress bar; the dots separate them. Keep the {N} numbers.
    const std::string counts = (bl::format(bl::translate("Done: {1} · Open: {2} · Waiting on client: {3} · "
                                                         "Blocked: {4} · Overdue: {5}")) %
                                figures.done % open % figures.waiting_on_client % figures.blocked % figures.overdue)
                                   .str(locale_);
    std::string schedule;
    if (!checklist.next_update_due.empty())
        // TRANSLATORS: when the client gets the next progress update; {1} is a date.
        schedule += (bl::format(bl::translate("Next update: {1}")) % formattedDate(checklist.next_update_due).utf8_string())
                        .str(locale_);
    if (checklist.revision_rounds_agreed) {
        if (!schedule.empty())
            schedule += " · ";
        // TRANSLATORS: revision rounds the client has used of those agreed in the contract, e.g. "1 of 3".
        schedule += (bl::format(bl::translate("Revisions: {1} of {2}")) % checklist.revision_rounds_used %
                     *checklist.revision_rounds_agreed)
                        .str(locale_);
    }
    if (!checklist.deadline.empty()) {
        if (!schedule.empty())
            schedule += " · ";
        // TRANSLATORS: the project's deadline; {1} is a date.
        schedule += (bl::format(bl::translate("Deadline: {1}")) % formattedDate(checklist.deadline).utf8_string()).str(locale_);
    }
    const int width = std::max(GetClientSize().GetWidth() - FromDIP(12), FromDIP(120));
    changed = wrapped_.set(countsLabel_, fromUtf8(counts), width) || changed;
    changed = wrapped_.set(scheduleLabel_, fromUtf8(schedule), width) || changed;
    changed = scheduleLabel_->Show(!schedule.empty()) || changed;
    return changed;
}

void SidebarPanel::refreshList()
{
    const Checklist& checklist = *session_.checklist();
    const std::string day = today();
    const auto rows = session_.rows(filter_, Localization::shared(), language_, day);
    std::vector<ChecklistViewRow> shown;
    shown.reserve(rows.size());
    // The status words and other fixed texts, translated once per refresh rather than per row.
    std::array<wxString, 6> statusWords;
    for (std::size_t s = 0; s < statusWords.size(); ++s)
        statusWords[s] = fromUtf8(statusName(static_cast<ItemStatus>(s), locale_));
    // TRANSLATORS: shown on an item the client has to act on.
    const wxString clientActs = translated(bl::translate("client to act"), locale_);
    // TRANSLATORS: shown on an item we (the freelancer or agency) have to act on.
    const wxString weAct = translated(bl::translate("we act"), locale_);
    // TRANSLATORS: shown on an item hidden from the client's reports.
    const wxString internalWord = translated(bl::translate("internal"), locale_);
    const std::string overduePattern = bl::translate("Overdue: {1}").str(locale_);
    // TRANSLATORS: an item's due date in the list; {1} is a date.
    const std::string duePattern = bl::translate("Due {1}").str(locale_);
    for (const ChecklistRow& row : rows) {
        ChecklistViewRow view;
        if (row.kind == ChecklistRow::Kind::Section) {
            const ChecklistSection& section = checklist.sections[row.index];
            view.section = true;
            view.id = section.id;
            view.title = fromUtf8(session_.sectionTitle(section, locale_));
            std::size_t done = 0;
            std::size_t counted = 0;
            for (const auto& item : checklist.items) {
                if (item.section_id != section.id || item.status == ItemStatus::NotApplicable)
                    continue;
                ++counted;
                done += item.status == ItemStatus::Done ? 1 : 0;
            }
            view.progressText = wxString::Format("%zu/%zu", done, counted);
        } else {
            const ChecklistItem& item = checklist.items[row.index];
            view.id = item.id;
            view.title = fromUtf8(session_.itemTitle(item, locale_));
            view.status = item.status;
            view.statusWord = statusWords[static_cast<std::size_t>(item.status)];
            if (!item.due.empty()) {
                view.overdue = item.due < day && item.status != ItemStatus::Done &&
                               item.status != ItemStatus::NotApplicable;
                const std::string date = formattedDate(item.due).utf8_string();
                view.dueText = fromUtf8((bl::format(view.overdue ? overduePattern : duePattern) % date).str(locale_));
            }
            view.ownerText = item.owner == Owner::Client ? clientActs : weAct;
            view.internal = item.internal;
            view.internalText = internalWord;
        }
        shown.push_back(std::move(view));
    }
    list_->setRows(std::move(shown));
    // The remembered selection of this document.
    if (const auto remembered = session_.selectedItem()) {
        const int row = list_->rowOf(false, *remembered);
        if (row >= 0 && list_->GetSelection() != row)
            list_->selectRow(row);
    }
    undoButton_->Enable(session_.canUndo());
    redoButton_->Enable(session_.canRedo());
    const std::string undoName = session_.undoName();
    undoButton_->SetToolTip(withShortcut(undoName.empty() ? translated(bl::translate("Undo"), locale_)
                                                          : fromUtf8((bl::format(bl::translate("Undo: {1}")) %
                                                                      bl::translate(undoName.c_str()).str(locale_))
                                                                         .str(locale_)),
                                         "Ctrl+Z"));
}

void SidebarPanel::refreshDetail()
{
    const int row = list_->GetSelection();
    if (row < 0 || static_cast<std::size_t>(row) >= list_->rows().size()) {
        detail_->show(std::nullopt, std::nullopt);
        return;
    }
    const ChecklistViewRow& shown = list_->rows()[static_cast<std::size_t>(row)];
    if (shown.section)
        detail_->show(std::nullopt, shown.id);
    else
        detail_->show(shown.id, std::nullopt);
}

void SidebarPanel::onListSelection()
{
    const int row = list_->GetSelection();
    if (row >= 0 && static_cast<std::size_t>(row) < list_->rows().size()) {
        const ChecklistViewRow& shown = list_->rows()[static_cast<std::size_t>(row)];
        if (!shown.section)
            session_.selectItem(shown.id);
        trace(std::string("selected\t") + (shown.section ? "section=" : "item=") + std::to_string(shown.id));
    }
    refreshDetail();
}

void SidebarPanel::onChanged(const Status& status, const std::string& line)
{
    if (!status) {
        reportStatus(status);
    } else {
        showProblem({});
        if (!line.empty())
            trace(line);
    }
    // Keep the edited item selected: ids survive reordering and filtering.
    const std::optional<std::int64_t> item = detail_->itemId();
    if (item)
        session_.selectItem(*item);
    Freeze();
    refreshHeader();
    refreshList();
    if (item) {
        const int row = list_->rowOf(false, *item);
        if (row >= 0)
            list_->selectRow(row);
    } else if (const auto section = detail_->sectionId()) {
        list_->selectRow(list_->rowOf(true, *section));
    }
    refreshDetail();
    Layout();
    Thaw();
    trace(std::string("shown\t") + session_.documentPath() + "\tchecklist\titems=" +
          std::to_string(session_.checklist() ? session_.checklist()->items.size() : 0) + "\tdone=" +
          std::to_string(session_.doneCount()));
}

void SidebarPanel::applyFilter()
{
    filter_.text = search_->GetValue().utf8_string();
    filter_.status.reset();
    filter_.owner.reset();
    filter_.overdue_only = false;
    const int entry = filterChoice_->GetSelection();
    if (entry >= FilterToDo && entry <= FilterNotApplicable)
        filter_.status = static_cast<ItemStatus>(entry - FilterToDo);
    else if (entry == FilterOverdue)
        filter_.overdue_only = true;
    else if (entry == FilterClient)
        filter_.owner = Owner::Client;
    else if (entry == FilterUs)
        filter_.owner = Owner::Us;
    Freeze();
    refreshList();
    refreshDetail();
    Thaw();
    std::size_t items = 0;
    for (const auto& row : list_->rows())
        items += row.section ? 0 : 1;
    trace("filtered\t" + filter_.text + "\tentry=" + std::to_string(entry) + "\titems=" + std::to_string(items));
}

void SidebarPanel::setStatusOfSelection(ItemStatus status)
{
    const int row = list_->GetSelection();
    if (row < 0 || list_->rows()[static_cast<std::size_t>(row)].section)
        return;
    const std::int64_t id = list_->rows()[static_cast<std::size_t>(row)].id;
    detail_->show(id, std::nullopt);
    const auto index = session_.indexOfItem(id);
    const std::string reason = index ? session_.checklist()->items[*index].status_reason : std::string();
    onChanged(session_.setStatus(id, status, reason),
              "status\titem=" + std::to_string(id) + "\t" + std::string(statusKeyword(status)));
}

void SidebarPanel::toggleRow(std::size_t row)
{
    if (row >= list_->rows().size() || list_->rows()[row].section)
        return;
    const ChecklistViewRow& shown = list_->rows()[row];
    list_->selectRow(static_cast<int>(row));
    session_.selectItem(shown.id);
    detail_->show(shown.id, std::nullopt);
    const bool done = shown.status != ItemStatus::Done;
    const std::int64_t id = shown.id;
    const Status saved = session_.setStatus(id, done ? ItemStatus::Done : ItemStatus::ToDo);
    onChanged(saved, "ticked\t" + session_.documentPath() + "\titem=" + std::to_string(id) + "\tdone=" + (done ? "1" : "0"));
}

void SidebarPanel::onListKey(wxKeyEvent& event)
{
    const int key = event.GetKeyCode();
    const int row = list_->GetSelection();
    const bool onRow = row >= 0 && static_cast<std::size_t>(row) < list_->rows().size();
    const bool onSection = onRow && list_->rows()[static_cast<std::size_t>(row)].section;
    if (event.GetModifiers() == wxMOD_NONE && key >= '1' && key <= '6') {
        setStatusOfSelection(static_cast<ItemStatus>(key - '1'));
        return;
    }
    if (event.GetModifiers() == wxMOD_NONE && key == WXK_SPACE && onRow && !onSection) {
        toggleRow(static_cast<std::size_t>(row));
        return;
    }
    if (event.GetModifiers() == wxMOD_ALT && (key == WXK_UP || key == WXK_DOWN) && onRow) {
        const int step = key == WXK_UP ? -1 : +1;
        const std::int64_t id = list_->rows()[static_cast<std::size_t>(row)].id;
        if (onSection) {
            detail_->show(std::nullopt, id);
            onChanged(session_.moveSection(id, step), "moved\tsection=" + std::to_string(id) + "\t" + std::to_string(step));
        } else {
            detail_->show(id, std::nullopt);
            onChanged(session_.moveItem(id, step), "moved\titem=" + std::to_string(id) + "\t" + std::to_string(step));
        }
        return;
    }
    if (event.GetModifiers() == wxMOD_NONE && key == WXK_DELETE && onRow) {
        const ChecklistViewRow shown = list_->rows()[static_cast<std::size_t>(row)];
        if (onSection) {
            onChanged(session_.deleteSection(shown.id), "deleted\tsection=" + std::to_string(shown.id));
        } else if (const auto index = session_.indexOfItem(shown.id);
                   index && session_.checklist()->items[*index].template_key.empty()) {
            onChanged(session_.deleteItem(shown.id), "deleted\titem=" + std::to_string(shown.id));
        } else {
            // TRANSLATORS: shown when Delete is pressed on an item that came from a template.
            showProblem(bl::translate("Items from a template are not deleted: press 6 to mark one Not applicable, "
                                      "or make an editable copy.")
                            .str(locale_));
        }
        return;
    }
    if ((event.GetModifiers() == wxMOD_NONE && (key == WXK_RETURN || key == WXK_NUMPAD_ENTER)) && onRow) {
        detail_->focusFirstField();
        return;
    }
    if (event.GetModifiers() == wxMOD_NONE && key == WXK_F2 && onRow) {
        detail_->focusTitle();
        return;
    }
    if (event.GetModifiers() == wxMOD_NONE && key == WXK_INSERT) {
        newItem_->SetFocus();
        return;
    }
    event.Skip();
}

void SidebarPanel::onCharHook(wxKeyEvent& event)
{
    const int key = event.GetKeyCode();
    const int modifiers = event.GetModifiers();
    wxWindow* focus = wxWindow::FindFocus();
    const bool inText = dynamic_cast<wxTextCtrl*>(focus) != nullptr || (focus && focus->GetParent() == search_);
    const bool hasChecklist = session_.view() == SidebarSession::View::Checklist;
    if (hasChecklist && modifiers == wxMOD_CONTROL && key == 'F') {
        search_->SetFocus();
        search_->SelectAll();
        return;
    }
    if (hasChecklist && modifiers == wxMOD_CONTROL && key == 'N') {
        newItem_->SetFocus();
        return;
    }
    if (hasChecklist && modifiers == (wxMOD_CONTROL | wxMOD_SHIFT) && key == 'N') {
        onAddSection();
        return;
    }
    if (hasChecklist && modifiers == wxMOD_CONTROL && key == 'R') {
        onCreateReport();
        return;
    }
    if (hasChecklist && modifiers == (wxMOD_CONTROL | wxMOD_SHIFT) && key == 'R') {
        onPastReports();
        return;
    }
    // Text fields keep their own undo; elsewhere Ctrl+Z undoes the last checklist change.
    if (hasChecklist && !inText && modifiers == wxMOD_CONTROL && key == 'Z') {
        undo();
        return;
    }
    if (hasChecklist && !inText &&
        ((modifiers == wxMOD_CONTROL && key == 'Y') || (modifiers == (wxMOD_CONTROL | wxMOD_SHIFT) && key == 'Z'))) {
        redo();
        return;
    }
    if (hasChecklist && key == WXK_ESCAPE && modifiers == wxMOD_NONE && focus != list_) {
        // Escape leaves the search (clearing it) or a field, back to the list.
        if (focus && (focus == search_ || focus->GetParent() == search_) && !search_->GetValue().empty()) {
            search_->ChangeValue(wxString());
            applyFilter();
        }
        detail_->flushPending();
        list_->SetFocus();
        return;
    }
    event.Skip();
}

void SidebarPanel::onAttachClicked()
{
    std::vector<std::string> keys;
    for (unsigned i = 0; i < templateList_->GetCount() && i < templateKeys_.size(); ++i)
        if (templateList_->IsChecked(i))
            keys.push_back(templateKeys_[i]);
    if (keys.empty()) {
        const int highlighted = templateList_->GetSelection();
        if (highlighted < 0 || static_cast<std::size_t>(highlighted) >= templateKeys_.size())
            return;
        keys.push_back(templateKeys_[static_cast<std::size_t>(highlighted)]);
    }
    const Status attached = session_.attachTemplates(keys);
    if (!attached) {
        reportStatus(attached);
        return;
    }
    showProblem({});
    std::string joined;
    for (const auto& key : keys)
        joined += (joined.empty() ? "" : "+") + key;
    trace("attached\t" + session_.documentPath() + "\t" + joined);
    for (unsigned i = 0; i < templateList_->GetCount(); ++i)
        templateList_->Check(i, false);
    refresh();
    list_->SetFocus();
    if (!list_->rows().empty()) {
        list_->selectRow(list_->rows().size() > 1 ? 1 : 0);
        onListSelection();
    }
}

void SidebarPanel::onStartEmptyClicked()
{
    const Status attached = session_.attachTemplates({});
    if (!attached) {
        reportStatus(attached);
        return;
    }
    showProblem({});
    trace("attached\t" + session_.documentPath() + "\t");
    refresh();
    newItem_->SetFocus();
}

void SidebarPanel::onAddItem()
{
    const std::string text = newItem_->GetValue().Strip(wxString::both).utf8_string();
    if (text.empty())
        return;
    // The new item goes into the selected row's section, else the last one.
    std::int64_t section = 0;
    const int row = list_->GetSelection();
    if (row >= 0 && static_cast<std::size_t>(row) < list_->rows().size()) {
        const ChecklistViewRow& shown = list_->rows()[static_cast<std::size_t>(row)];
        if (shown.section) {
            section = shown.id;
        } else if (const auto index = session_.indexOfItem(shown.id)) {
            section = session_.checklist()->items[*index].section_id;
        }
    }
    auto added = session_.addItem(section, text);
    if (!added) {
        reportStatus(added.error()); // the text stays in the field: nothing typed is lost
        return;
    }
    newItem_->ChangeValue(wxString());
    session_.selectItem(added.value());
    detail_->show(added.value(), std::nullopt);
    onChanged({}, "added\titem=" + std::to_string(added.value()));
}

void SidebarPanel::onAddSection()
{
    // TRANSLATORS: the title a new section starts with, until the user renames it.
    auto added = session_.addSection(bl::translate("New section").str(locale_));
    if (!added) {
        reportStatus(added.error());
        return;
    }
    detail_->show(std::nullopt, added.value());
    onChanged({}, "added\tsection=" + std::to_string(added.value()));
    detail_->focusTitle();
}

void SidebarPanel::onMoreMenu()
{
    if (session_.view() != SidebarSession::View::Checklist)
        return;
    wxMenu menu;
    // TRANSLATORS: menu entry opening the dialog that makes a progress report for the client.
    menu.Append(MenuCreateReport, withShortcut(translated(bl::translate("Create report…"), locale_), "Ctrl+R"));
    // TRANSLATORS: menu entry listing the reports made for this document before.
    menu.Append(MenuPastReports, withShortcut(translated(bl::translate("Past reports…"), locale_), "Ctrl+Shift+R"));
    menu.Enable(MenuCreateReport, !writingReport());
    menu.AppendSeparator();
    menu.Append(MenuAddSection, withShortcut(translated(bl::translate("Add section"), locale_), "Ctrl+Shift+N"));
    auto* templates = new wxMenu;
    std::vector<std::string> keys;
    for (const auto& entry : session_.templates().templates()) {
        templates->Append(MenuAddTemplateFirst + static_cast<int>(keys.size()),
                          translated(bl::translate(entry.context().c_str(), entry.title.c_str()), locale_));
        keys.push_back(entry.key);
    }
    // TRANSLATORS: menu entry; its submenu lists templates whose sections can be added to this checklist.
    menu.AppendSubMenu(templates, translated(bl::translate("Add a template's sections"), locale_));
    const int chosen = GetPopupMenuSelectionFromUser(menu, moreButton_->GetPosition() + wxPoint(0, moreButton_->GetSize().y));
    if (chosen == MenuCreateReport) {
        onCreateReport();
    } else if (chosen == MenuPastReports) {
        onPastReports();
    } else if (chosen == MenuAddSection) {
        onAddSection();
    } else if (chosen >= MenuAddTemplateFirst && chosen < MenuAddTemplateFirst + static_cast<int>(keys.size())) {
        const std::string& key = keys[static_cast<std::size_t>(chosen - MenuAddTemplateFirst)];
        onChanged(session_.addTemplate(key), "added\ttemplate=" + key);
    }
}

ReportDraft SidebarPanel::reportDefaults()
{
    ReportDraft draft;
    draft.language = session_.lastReportLanguage().value_or(language_); // else the sidebar's own
    draft.format = ReportFormat::Html;
    const std::filesystem::path document = session_.documentPath();
    draft.file = document.parent_path() /
                 (document.stem().string() + "-report-" + today() + reportFileExtension(draft.format));
    return draft;
}

void SidebarPanel::onCreateReport()
{
    if (session_.view() != SidebarSession::View::Checklist || writingReport())
        return;
    detail_->flushPending(); // the note being typed belongs in the report
    ReportDialog dialog(this, locale_, reportDefaults());
    if (dialog.ShowModal() != wxID_OK)
        return;
    createReport(dialog.draft());
}

void SidebarPanel::createReport(const ReportDraft& draft)
{
    if (session_.view() != SidebarSession::View::Checklist || writingReport())
        return;
    auto built = session_.buildReport(draft.language, draft.summary, draft.next_steps, today(),
                                      static_cast<std::int64_t>(std::time(nullptr)));
    if (!built) {
        reportStatus(built.error());
        return;
    }
    if (reportWorker_.joinable())
        reportWorker_.join(); // the previous one is done (writingReport() said so)
    pendingDraft_ = std::make_unique<ReportDraft>(draft);
    pendingReport_ = std::make_unique<ReportContent>(std::move(built.value()));
    pendingDocument_ = session_.checklist()->document_id;
    // TRANSLATORS: shown while a report file is being written; {1} is the file name.
    showNotice((bl::format(bl::translate("Writing {1}…")) % draft.file.filename().string()).str(locale_));
    reportProgress_->Show();
    reportProgress_->Pulse();
    reportPulse_.Start(100);
    Layout();
    reportDone_->store(false);
    // A PDF of a long checklist takes a few hundred milliseconds: never on the UI thread.
    reportWorker_ = std::jthread([this, report = *pendingReport_, format = draft.format, file = draft.file,
                                  done = reportDone_, alive = std::weak_ptr<int>(alive_)] {
        Status written;
        try {
            written = writeReportFile(report, format, file);
        } catch (const std::exception& e) {
            written = Error{ErrorCode::FileWriteFailed, file.string(), e.what()};
        }
        wxTheApp->CallAfter([this, written, done, alive] {
            done->store(true);
            if (alive.lock()) // the panel still exists
                guarded(*this, errorSink_, [&] { onReportWritten(written); });
        });
    });
    trace("report-started	" + draft.file.string());
}

void SidebarPanel::onReportWritten(const Status& written)
{
    reportPulse_.Stop();
    reportProgress_->Hide();
    if (!written || !pendingReport_ || !pendingDraft_) {
        if (!written)
            reportStatus(written);
        Layout();
        return;
    }
    // Kept only once the file exists: a snapshot is a report the client could have received.
    auto kept = session_.keepReport(pendingDocument_, *pendingReport_, pendingDraft_->format,
                                    static_cast<std::int64_t>(std::time(nullptr)));
    if (!kept) {
        reportStatus(kept.error());
        Layout();
        return;
    }
    // TRANSLATORS: shown when a report was written; {1} is the file's path.
    showNotice((bl::format(bl::translate("Report saved as {1}")) % pendingDraft_->file.string()).str(locale_));
    trace("report	" + pendingDraft_->file.string() + "	" + std::string(languageCode(pendingDraft_->language)) + "	" +
          std::string(reportFormatKeyword(pendingDraft_->format)) + "	id=" + std::to_string(kept.value()));
    pendingReport_.reset();
    pendingDraft_.reset();
}

void SidebarPanel::onPastReports()
{
    if (session_.view() != SidebarSession::View::Checklist)
        return;
    auto reports = session_.reports();
    if (!reports) {
        reportStatus(reports.error());
        return;
    }
    PastReportsDialog dialog(this, locale_, language_, std::move(reports.value()));
    dialog.ShowModal();
}

void SidebarPanel::showNotice(const std::string& text)
{
    problemLabel_->SetForegroundColour(GetForegroundColour());
    problemLabel_->SetLabelText(wrapForLabel(*problemLabel_, fromUtf8(text),
                                             std::max(GetClientSize().GetWidth() - FromDIP(12), FromDIP(120))));
    problemLabel_->Show(!text.empty());
    Layout();
}

void SidebarPanel::undo()
{
    if (!session_.canUndo())
        return;
    detail_->flushPending();
    const std::string name = session_.undoName();
    onChanged(session_.undo(), "undone\t" + name);
}

void SidebarPanel::redo()
{
    if (!session_.canRedo())
        return;
    const std::string name = session_.redoName();
    onChanged(session_.redo(), "redone\t" + name);
}

void SidebarPanel::flushPending()
{
    if (detail_)
        detail_->flushPending();
}

void SidebarPanel::showProblem(const std::string& description)
{
    problemLabel_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_HOTLIGHT));
    problemLabel_->SetLabelText(wrapForLabel(*problemLabel_, fromUtf8(description),
                                             std::max(GetClientSize().GetWidth() - FromDIP(12), FromDIP(120))));
    problemLabel_->Show(!description.empty());
    Layout();
}

void SidebarPanel::toggleItem(std::size_t index)
{
    if (!session_.checklist() || index >= session_.checklist()->items.size())
        return;
    const std::int64_t id = session_.checklist()->items[index].id;
    int row = list_->rowOf(false, id);
    if (row < 0) { // hidden by the filter: the tick still applies to the item asked for
        const bool done = session_.checklist()->items[index].status != ItemStatus::Done;
        onChanged(session_.setStatus(id, done ? ItemStatus::Done : ItemStatus::ToDo),
                  "ticked\t" + session_.documentPath() + "\titem=" + std::to_string(id) + "\tdone=" + (done ? "1" : "0"));
        return;
    }
    toggleRow(static_cast<std::size_t>(row));
}

void SidebarPanel::selectItem(std::size_t index)
{
    if (!session_.checklist() || index >= session_.checklist()->items.size())
        return;
    const int row = list_->rowOf(false, session_.checklist()->items[index].id);
    if (row < 0)
        return;
    list_->SetFocus(); // as a click on the row would
    list_->selectRow(row);
    onListSelection();
}

void SidebarPanel::setSearchText(const std::string& text)
{
    search_->SetValue(fromUtf8(text)); // sends wxEVT_TEXT, as typing does
}

void SidebarPanel::attachTemplate(const std::string& template_key)
{
    if (templateListStale_ || templateList_->IsEmpty())
        fillTemplateList();
    for (std::size_t i = 0; i < templateKeys_.size(); ++i) {
        templateList_->Check(static_cast<unsigned>(i), templateKeys_[i] == template_key);
    }
    if (std::find(templateKeys_.begin(), templateKeys_.end(), template_key) == templateKeys_.end()) {
        reportStatus(Error{ErrorCode::TemplateUnknown, template_key, {}});
        return;
    }
    wxCommandEvent event(wxEVT_BUTTON, attachButton_->GetId());
    event.SetEventObject(attachButton_);
    attachButton_->GetEventHandler()->ProcessEvent(event);
}

void SidebarPanel::reportStatus(const Status& status)
{
    if (status)
        return;
    const std::string description = status.error().description(locale_);
    showProblem(description);
    if (errorSink_)
        errorSink_(description);
    trace("problem\t" + description);
}

void SidebarPanel::trace(const std::string& line) const
{
    if (traceSink_)
        traceSink_(line);
}

} // namespace rapport::ui
