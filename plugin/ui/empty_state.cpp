#include "empty_state.h"

#include "list_box_fit.h"

#include <boost/locale/collator.hpp>
#include <boost/locale/message.hpp>

#include <algorithm>
#include <initializer_list>
#include <utility>

#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace rapport::ui {

namespace bl = boost::locale;

EmptyState::EmptyState(wxWindow* panel, wxSizer* column, PanelContext& context, AttachedSink onAttached)
    : panel_(panel), context_(context), attachedSink_(std::move(onAttached))
{
    const int gap = panel->FromDIP(6);
    explanation_ = new wxStaticText(panel, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "rapport-empty");
    column->Add(explanation_, 0, wxEXPAND | wxALL, gap);
    templatesLabel_ = new wxStaticText(panel, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                                       "rapport-templates-label");
    column->Add(templatesLabel_, 0, wxEXPAND | wxLEFT | wxRIGHT, gap);
    templateList_ = new wxCheckListBox(panel, wxID_ANY, wxDefaultPosition, panel->FromDIP(wxSize(-1, 96)), 0, nullptr,
                                       wxLB_SINGLE, wxDefaultValidator, "rapport-templates");
    column->Add(templateList_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
    previewLabel_ = new wxStaticText(panel, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                                     "rapport-preview-label");
    column->Add(previewLabel_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
    preview_ = new wxTextCtrl(panel, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                              wxTE_MULTILINE | wxTE_READONLY | wxTE_WORDWRAP, wxDefaultValidator,
                              "rapport-template-preview");
    column->Add(preview_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
    auto* buttons = new wxBoxSizer(wxVERTICAL);
    attachButton_ = new wxButton(panel, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                                 "rapport-attach");
    emptyButton_ = new wxButton(panel, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                                "rapport-start-empty");
    buttons->Add(attachButton_, 0, wxEXPAND | wxBOTTOM, gap);
    buttons->Add(emptyButton_, 0, wxEXPAND);
    column->Add(buttons, 0, wxEXPAND | wxALL, gap);
    // Tab goes from the templates straight to the buttons; the preview comes after them.
    attachButton_->MoveAfterInTabOrder(templateList_);
    emptyButton_->MoveAfterInTabOrder(attachButton_);

    Relabeler& relabeler = context_.relabeler();
    relabeler.custom([this](const std::locale& loc) {
        // TRANSLATORS: above the list of templates; ticking several combines them into one checklist.
        templatesHeading_ = translated(bl::translate("&Templates (tick several to combine them):"), loc);
        headingWrappedAt_ = -1;
    });
    // TRANSLATORS: above the list of items the highlighted template would add.
    relabeler.label(previewLabel_, bl::translate("Items it adds:"));
    // TRANSLATORS: the button that attaches a checklist, made from the chosen template, to the open document.
    relabeler.label(attachButton_, bl::translate("Attach checklist"));
    // TRANSLATORS: button starting a checklist with no items, to fill with the user's own.
    relabeler.label(emptyButton_, bl::translate("Start an empty checklist"));
    relabeler.tooltip(templateList_, bl::translate("The templates the new checklist starts from; Space ticks one"));

    templateList_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent&) { context_.guarded([&] { showPreview(); }); });
    templateList_->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent&) { context_.guarded([&] { onAttach(); }); });
    attachButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { context_.guarded([&] { onAttach(); }); });
    emptyButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { context_.guarded([&] { onStartEmpty(); }); });
}

bool EmptyState::refresh(SidebarSession::View view)
{
    using View = SidebarSession::View;
    const bool offersTemplates = view == View::NoChecklist;
    bool changed = false;
    if (offersTemplates && (templateList_->IsEmpty() || templateListStale_)) {
        fillTemplateList();
        changed = true;
    }
    changed = explanation_->Show(view != View::Checklist) || changed;
    for (wxWindow* window : std::initializer_list<wxWindow*>{templatesLabel_, templateList_, previewLabel_, preview_,
                                                             attachButton_, emptyButton_})
        changed = window->Show(offersTemplates) || changed;
    // A read-only store: the templates can be looked at, not attached (the panel says why).
    attachButton_->Enable(!context_.readOnly());
    emptyButton_->Enable(!context_.readOnly());
    if (view == View::Checklist)
        return changed;

    if (offersTemplates)
        changed = wrapTemplates() || changed;
    const SidebarSession& session = context_.session();
    const std::locale& loc = context_.locale();
    wxString text;
    if (view == View::NoChecklist)
        text = translated(bl::translate("No checklist is attached to this document yet. "
                                        "Choose a template to start one."),
                          loc);
    else if (view == View::NoDocument)
        text = translated(bl::translate("Open a brief, a contract or a notes file "
                                        "to see the promises attached to it."),
                          loc);
    else
        text = fromUtf8(session.storeError() ? session.storeError()->description(loc) : std::string());
    return wrapped_.set(explanation_, text, wrapWidth(*panel_)) || changed;
}

bool EmptyState::resized()
{
    if (!explanation_->IsShown())
        return false;
    bool changed = false;
    if (templateList_->IsShown())
        changed = wrapTemplates();
    const wxString explanation = wrapped_.plain(explanation_);
    return wrapped_.set(explanation_, explanation, wrapWidth(*panel_)) || changed;
}

bool EmptyState::wrapTemplates()
{
    bool changed = false;
    // The heading keeps its mnemonic: wrapped with the '&' in, which only makes it a hair narrower.
    const int labelWidth = wrapWidth(*panel_);
    if (headingWrappedAt_ != labelWidth) {
        headingWrappedAt_ = labelWidth;
        const wxString wrapped = wrapForLabel(*templatesLabel_, templatesHeading_, labelWidth);
        if (templatesLabel_->GetLabel() != wrapped) {
            templatesLabel_->SetLabel(wrapped);
            changed = true;
        }
    }
    const int width = listBoxTextWidth(*templateList_);
    if (width != templatesWrappedAt_) {
        templatesWrappedAt_ = width;
        for (unsigned i = 0; i < templateList_->GetCount() && i < templateTitles_.size(); ++i) {
            const wxString wrapped = wrapForLabel(*templateList_, templateTitles_[i], width);
            if (templateList_->GetString(i) != wrapped)
                templateList_->SetString(i, wrapped);
        }
        // GTK measures the rows when it next lays the list out: fit the height after that.
        if (!fitPending_) {
            fitPending_ = true;
            templateList_->CallAfter([this] { context_.guarded([&] { fitTemplateList(); }); });
        }
    }
    return changed;
}

void EmptyState::fitTemplateList()
{
    fitPending_ = false;
    if (!templateList_->IsShown())
        return;
    // The text column's width is known once GTK has laid the list out: wrap again if the guess was off.
    if (listBoxTextWidth(*templateList_) != templatesWrappedAt_) {
        wrapTemplates();
        return;
    }
    const int height = listBoxContentHeight(*templateList_);
    if (height <= 0 || templateList_->GetMinSize().y == height)
        return;
    templateList_->SetMinSize(wxSize(-1, height));
    panel_->Layout();
}

void EmptyState::fillTemplateList()
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
    const std::locale& loc = context_.locale();
    std::vector<std::pair<std::string, std::string>> titled; // (translated title, key)
    for (const auto& entry : context_.session().templates().templates())
        titled.emplace_back(bl::translate(entry.context().c_str(), entry.title.c_str()).str(loc), entry.key);
    const auto& collator = std::use_facet<bl::collator<char>>(loc);
    std::sort(titled.begin(), titled.end(), [&](const auto& a, const auto& b) {
        return collator.compare(bl::collator_base::tertiary, a.first, b.first) < 0;
    });
    templateList_->Clear();
    templateKeys_.clear();
    templateTitles_.clear();
    templatesWrappedAt_ = -1; // the names are wrapped by wrapTemplates()
    int toSelect = 0;
    for (const auto& [title, key] : titled) {
        templateTitles_.push_back(fromUtf8(title));
        const auto row = templateList_->Append(templateTitles_.back());
        if (std::find(ticked.begin(), ticked.end(), key) != ticked.end())
            templateList_->Check(row, true);
        if (key == highlightedKey)
            toSelect = row;
        templateKeys_.push_back(key);
    }
    if (!templateKeys_.empty())
        templateList_->SetSelection(toSelect);
    templateListStale_ = false;
    showPreview();
}

void EmptyState::showPreview()
{
    const int highlighted = templateList_->GetSelection();
    if (highlighted < 0 || static_cast<std::size_t>(highlighted) >= templateKeys_.size()) {
        preview_->ChangeValue(wxString());
        return;
    }
    const ChecklistTemplate* chosen =
        context_.session().templates().find(templateKeys_[static_cast<std::size_t>(highlighted)]);
    if (!chosen)
        return;
    const std::locale& loc = context_.locale();
    std::string text;
    const std::string templateContext = chosen->context();
    if (!chosen->description.empty())
        text += bl::translate(templateContext.c_str(), chosen->description.c_str()).str(loc) + "\n";
    for (const auto& section : chosen->sections) {
        text += "\n" + bl::translate(templateContext.c_str(), section.title.c_str()).str(loc) + "\n";
        for (const auto& item : section.items)
            text += "  \xE2\x80\xA2 " + bl::translate(templateContext.c_str(), item.title.c_str()).str(loc) + "\n";
    }
    preview_->ChangeValue(fromUtf8(text));
    preview_->ShowPosition(0);
}

void EmptyState::onAttach()
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
    SidebarSession& session = context_.session();
    const Status attached = session.attachTemplates(keys);
    if (!attached) {
        context_.reportStatus(attached);
        return;
    }
    context_.showProblem({});
    std::string joined;
    for (const auto& key : keys)
        joined += (joined.empty() ? "" : "+") + key;
    context_.trace("attached\t" + session.documentPath() + "\t" + joined);
    for (unsigned i = 0; i < templateList_->GetCount(); ++i)
        templateList_->Check(i, false);
    if (attachedSink_)
        attachedSink_(true);
}

void EmptyState::onStartEmpty()
{
    SidebarSession& session = context_.session();
    const Status attached = session.attachTemplates({});
    if (!attached) {
        context_.reportStatus(attached);
        return;
    }
    context_.showProblem({});
    context_.trace("attached\t" + session.documentPath() + "\t");
    if (attachedSink_)
        attachedSink_(false);
}

void EmptyState::attachTemplate(const std::string& template_key)
{
    if (templateListStale_ || templateList_->IsEmpty())
        fillTemplateList();
    for (std::size_t i = 0; i < templateKeys_.size(); ++i)
        templateList_->Check(static_cast<unsigned>(i), templateKeys_[i] == template_key);
    if (std::find(templateKeys_.begin(), templateKeys_.end(), template_key) == templateKeys_.end()) {
        context_.reportStatus(Error{ErrorCode::TemplateUnknown, template_key, {}});
        return;
    }
    wxCommandEvent event(wxEVT_BUTTON, attachButton_->GetId());
    event.SetEventObject(attachButton_);
    attachButton_->GetEventHandler()->ProcessEvent(event);
}

} // namespace rapport::ui
