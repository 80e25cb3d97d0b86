#include "sidebar_panel.h"

#include <boost/locale/format.hpp>
#include <boost/locale/message.hpp>

#include <algorithm>
#include <exception>
#include <utility>

#include <boost/locale/collator.hpp>

#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/gauge.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

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

} // namespace

SidebarPanel::SidebarPanel(wxWindow* parent, SidebarSession& session, TraceSink trace, ErrorSink error)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "rapport-sidebar"),
      session_(session), traceSink_(std::move(trace)), errorSink_(std::move(error))
{
    buildControls();
    relabeler_.apply(locale_);
    refresh();
}

void SidebarPanel::buildControls()
{
    auto* column = new wxBoxSizer(wxVERTICAL);

    // The sidebar's own language, independent of the host's: choosing one relabels the
    // panel at once, without a restart.
    auto* languageRow = new wxBoxSizer(wxHORIZONTAL);
    auto* languageLabel = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                                           "rapport-language-label");
    languageChoice_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0,
                                   wxDefaultValidator, "rapport-language");
    languageRow->Add(languageLabel, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(6));
    languageRow->Add(languageChoice_, 1, wxALIGN_CENTER_VERTICAL);
    column->Add(languageRow, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(6));
    // TRANSLATORS: label of the selector for the sidebar's interface language; keep it short.
    relabeler_.label(languageLabel, bl::translate("Language:"));
    relabeler_.tooltip(languageChoice_, bl::translate("The language of this sidebar. Reports choose their own."));
    languageChoice_->Bind(wxEVT_CHOICE, [this](wxCommandEvent& event) {
        guarded(*this, errorSink_, [&] {
            if (languageSink_ && event.GetSelection() >= 0)
                languageSink_(static_cast<std::size_t>(event.GetSelection()));
        });
    });

    documentLabel_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                      wxST_ELLIPSIZE_MIDDLE, "rapport-document");
    documentLabel_->SetFont(documentLabel_->GetFont().Bold());
    column->Add(documentLabel_, 0, wxEXPAND | wxALL, FromDIP(6));

    progressBar_ = new wxGauge(this, wxID_ANY, 100, wxDefaultPosition, FromDIP(wxSize(-1, 10)),
                               wxGA_HORIZONTAL | wxGA_SMOOTH, wxDefaultValidator, "rapport-progress");
    column->Add(progressBar_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(6));
    progressLabel_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                                      "rapport-progress-text");
    column->Add(progressLabel_, 0, wxEXPAND | wxALL, FromDIP(6));

    emptyLabel_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "rapport-empty");
    column->Add(emptyLabel_, 0, wxEXPAND | wxALL, FromDIP(6));

    templateChoice_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0,
                                   wxDefaultValidator, "rapport-template-choice");
    column->Add(templateChoice_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(6));
    attachButton_ = new wxButton(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                                 wxDefaultValidator, "rapport-attach");
    column->Add(attachButton_, 0, wxEXPAND | wxALL, FromDIP(6));

    itemList_ = new wxCheckListBox(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, wxLB_SINGLE,
                                   wxDefaultValidator, "rapport-items");
    column->Add(itemList_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(6));

    problemLabel_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "rapport-problem");
    problemLabel_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_HOTLIGHT));
    column->Add(problemLabel_, 0, wxEXPAND | wxALL, FromDIP(6));
    problemLabel_->Hide();

    SetSizer(column);

    // TRANSLATORS: the button that attaches a checklist, made from the chosen template, to the open document.
    relabeler_.label(attachButton_, bl::translate("Attach checklist"));
    relabeler_.tooltip(templateChoice_, bl::translate("The template the new checklist starts from"));
    relabeler_.tooltip(itemList_, bl::translate("Space ticks or unticks the selected item"));
    relabeler_.custom([this](const std::locale&) {
        templateChoiceStale_ = true; // refilled when it is next shown, not on every switch
        refresh();
    });

    itemList_->Bind(wxEVT_CHECKLISTBOX, [this](wxCommandEvent& event) {
        guarded(*this, errorSink_, [&] { onItemToggled(event.GetInt()); });
    });
    attachButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { guarded(*this, errorSink_, [&] { onAttachClicked(); }); });
}

void SidebarPanel::fillTemplateChoice()
{
    // Keep the chosen template chosen across languages; list them in the language's own order.
    const int selected = templateChoice_->GetSelection();
    const std::string selectedKey = selected >= 0 && selected < static_cast<int>(templateKeys_.size())
                                        ? templateKeys_[static_cast<std::size_t>(selected)]
                                        : std::string();
    std::vector<std::pair<std::string, std::string>> titled; // (translated title, key)
    for (const auto& entry : session_.templates().templates())
        titled.emplace_back(bl::translate(entry.context().c_str(), entry.title.c_str()).str(locale_), entry.key);
    const auto& collator = std::use_facet<bl::collator<char>>(locale_);
    std::sort(titled.begin(), titled.end(), [&](const auto& a, const auto& b) {
        return collator.compare(bl::collator_base::tertiary, a.first, b.first) < 0;
    });
    templateChoice_->Clear();
    templateKeys_.clear();
    int toSelect = 0;
    for (const auto& [title, key] : titled) {
        if (key == selectedKey)
            toSelect = static_cast<int>(templateKeys_.size());
        templateChoice_->Append(fromUtf8(title));
        templateKeys_.push_back(key);
    }
    if (!templateKeys_.empty())
        templateChoice_->SetSelection(toSelect);
    templateChoiceStale_ = false;
}

void SidebarPanel::setLanguageChoices(const std::vector<std::string>& native_names, std::size_t selected,
                                      LanguageSink onChosen)
{
    languageSink_ = std::move(onChosen);
    languageChoice_->Clear();
    for (const auto& name : native_names)
        languageChoice_->Append(fromUtf8(name)); // each language in its own script, never translated
    if (selected < native_names.size())
        languageChoice_->SetSelection(static_cast<int>(selected));
}

void SidebarPanel::chooseLanguage(std::size_t index)
{
    if (index >= languageChoice_->GetCount())
        return;
    languageChoice_->SetSelection(static_cast<int>(index));
    wxCommandEvent event(wxEVT_CHOICE, languageChoice_->GetId());
    event.SetEventObject(languageChoice_);
    event.SetInt(static_cast<int>(index));
    languageChoice_->GetEventHandler()->ProcessEvent(event);
}

void SidebarPanel::setLanguage(const std::locale& loc)
{
    locale_ = loc;
    Freeze();
    relabeler_.apply(locale_); // ends with refresh(), which lays the panel out
    InvalidateBestSize();
    Thaw();
}

void SidebarPanel::refresh()
{
    using View = SidebarSession::View;
    const View view = session_.view();
    Freeze();

    if (view == View::NoChecklist && (templateChoice_->IsEmpty() || templateChoiceStale_))
        fillTemplateChoice();

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
    progressBar_->Show(hasChecklist);
    progressLabel_->Show(hasChecklist);
    itemList_->Show(hasChecklist);
    emptyLabel_->Show(!hasChecklist);
    templateChoice_->Show(view == View::NoChecklist);
    attachButton_->Show(view == View::NoChecklist);

    if (view == View::NoChecklist) {
        emptyLabel_->SetLabel(translated(bl::translate("No checklist is attached to this document yet. "
                                                       "Choose a template to start one."),
                                         locale_));
    } else if (view == View::NoDocument) {
        emptyLabel_->SetLabel(translated(bl::translate("Open a brief, a contract or a notes file "
                                                       "to see the promises attached to it."),
                                         locale_));
    } else if (view == View::StoreUnavailable) {
        emptyLabel_->SetLabel(fromUtf8(session_.storeError() ? session_.storeError()->description(locale_) : std::string()));
    }

    if (hasChecklist) {
        const auto& items = session_.checklist()->items;
        // Same number of rows: relabel them in place, so the selection and the scroll
        // position survive a language switch or a tick.
        const bool inPlace = itemList_->GetCount() == items.size() && listedDocument_ == session_.documentPath();
        listedDocument_ = session_.documentPath();
        if (!inPlace)
            itemList_->Clear();
        for (std::size_t i = 0; i < items.size(); ++i) {
            const auto text = session_.itemText(items[i]);
            const wxString label = text.translatable
                                       ? translated(bl::translate(text.context.c_str(), text.text.c_str()), locale_)
                                       : fromUtf8(text.text);
            const auto row = static_cast<unsigned>(i);
            if (inPlace) {
                if (itemList_->GetString(row) != label)
                    itemList_->SetString(row, label);
            } else {
                itemList_->Append(label);
            }
            itemList_->Check(row, items[i].done);
        }
        const std::size_t done = session_.doneCount();
        const int percent = items.empty() ? 0 : static_cast<int>(done * 100 / items.size());
        progressBar_->SetValue(percent);
        // TRANSLATORS: progress of a checklist, e.g. "3 of 12 done (25%)".
        progressLabel_->SetLabel(fromUtf8((bl::format(bl::translate("{1} of {2} done ({3}%)")) % done % items.size() % percent)
                                              .str(locale_)));
    }
    if (!hasChecklist)
        emptyLabel_->Wrap(std::max(GetClientSize().GetWidth() - FromDIP(12), FromDIP(200)));
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

void SidebarPanel::showProblem(const std::string& description)
{
    problemLabel_->SetLabel(fromUtf8(description));
    problemLabel_->Show(!description.empty());
    problemLabel_->Wrap(std::max(GetClientSize().GetWidth() - FromDIP(12), FromDIP(200)));
    Layout();
}

void SidebarPanel::toggleItem(std::size_t index)
{
    if (index >= itemList_->GetCount())
        return;
    const auto position = static_cast<unsigned>(index);
    itemList_->Check(position, !itemList_->IsChecked(position));
    wxCommandEvent event(wxEVT_CHECKLISTBOX, itemList_->GetId());
    event.SetEventObject(itemList_);
    event.SetInt(static_cast<int>(index));
    itemList_->GetEventHandler()->ProcessEvent(event);
}

void SidebarPanel::attachTemplate(const std::string& template_key)
{
    if (templateChoiceStale_ || templateChoice_->IsEmpty())
        fillTemplateChoice();
    for (std::size_t i = 0; i < templateKeys_.size(); ++i) {
        if (templateKeys_[i] == template_key) {
            templateChoice_->SetSelection(static_cast<int>(i));
            wxCommandEvent event(wxEVT_BUTTON, attachButton_->GetId());
            event.SetEventObject(attachButton_);
            attachButton_->GetEventHandler()->ProcessEvent(event);
            return;
        }
    }
    reportStatus(Error{ErrorCode::TemplateUnknown, template_key, {}});
}

void SidebarPanel::onItemToggled(int index)
{
    if (index < 0)
        return;
    const auto position = static_cast<unsigned>(index);
    const bool done = itemList_->IsChecked(position);
    // wxGTK may report one toggle twice (the native signal and ours): only a real change is saved.
    const auto& items = session_.checklist() ? session_.checklist()->items : std::vector<ChecklistItem>{};
    if (position >= items.size() || items[position].done == done)
        return;
    const Status saved = session_.setDone(position, done);
    if (!saved) {
        itemList_->Check(position, !done); // the box shows what the store holds
        reportStatus(saved);
        return;
    }
    showProblem({});
    const auto& item = session_.checklist()->items[position];
    trace("ticked\t" + session_.documentPath() + "\titem=" + std::to_string(item.id) + "\tdone=" + (done ? "1" : "0"));
    refresh();
}

void SidebarPanel::onAttachClicked()
{
    const int selected = templateChoice_->GetSelection();
    if (selected < 0 || selected >= static_cast<int>(templateKeys_.size()))
        return;
    const std::string key = templateKeys_[static_cast<std::size_t>(selected)];
    const Status attached = session_.attachTemplate(key);
    if (!attached) {
        reportStatus(attached);
        return;
    }
    showProblem({});
    trace("attached\t" + session_.documentPath() + "\t" + key);
    refresh();
    itemList_->SetFocus();
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
