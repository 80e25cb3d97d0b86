#include "item_detail.h"

#include "item_text.h"
#include "quick_labels.h"
#include "text_rules.h"

#include "checklist_view.h"
#include "date_field.h"
#include "icons.h"

#include <boost/locale/format.hpp>
#include <boost/locale/message.hpp>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/dcclient.h>
#include <wx/dcmemory.h>
#include <wx/panel.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <cstdio>

namespace rapport::ui {

namespace bl = boost::locale;

namespace {

bool needsReason(ItemStatus status) { return status == ItemStatus::WaitingOnClient || status == ItemStatus::Blocked; }

// Sets a text field without an event and without moving the caret of text being typed.
void setText(wxTextCtrl* field, const wxString& value)
{
    if (field->GetValue() != value)
        field->ChangeValue(value);
}

} // namespace

ItemDetail::ItemDetail(wxWindow* parent, PanelContext& context, ChangeSink onChanged)
    : wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL | wxTAB_TRAVERSAL,
                       "rapport-detail"),
      context_(context), session_(context.session()), relabeler_(context.relabeler()), onChanged_(std::move(onChanged)),
      noteTimer_(this)
{
    SetScrollRate(0, FromDIP(8));
    build();
    show(std::nullopt, std::nullopt);
}

void ItemDetail::build()
{
    // The controls' own panel: scrolling moves it alone. wxPizza::scroll() would move every
    // child of the scrolled window itself, and GTK refuses a hidden one with a critical.
    content_ = new wxPanel(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "rapport-detail-content");
    auto* column = new wxBoxSizer(wxVERTICAL);
    const int gap = FromDIP(4);
    const auto label = [&](const char* name) {
        return new wxStaticText(content_, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, name);
    };

    hint_ = label("rapport-detail-hint");
    hint_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    column->Add(hint_, 0, wxEXPAND | wxALL, gap);

    titleLabel_ = label("rapport-title-label");
    // Several lines, wrapped (a long title is read whole, not scrolled sideways); Enter still
    // commits instead of adding a line.
    title_ = new wxTextCtrl(content_, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                            wxTE_MULTILINE | wxTE_PROCESS_ENTER | wxTE_BESTWRAP | wxTE_NO_VSCROLL,
                            wxDefaultValidator, "rapport-detail-title");
    // The limits of text_rules.h, enforced as the user types; the store checks them again.
    // (wxGTK has no SetMaxLength for a multi-line field: the title's limit is kept on wxEVT_TEXT.)
    column->Add(titleLabel_, 0, wxLEFT | wxRIGHT | wxTOP, gap);
    column->Add(title_, 0, wxEXPAND | wxALL, gap);
    // TRANSLATORS: label of the field holding an item's or a section's title.
    relabeler_.label(titleLabel_, bl::translate("&Title:"));

    description_ = label("rapport-detail-description");
    column->Add(description_, 0, wxEXPAND | wxLEFT | wxRIGHT, gap);
    promisedIn_ = label("rapport-detail-promised-in");
    promisedIn_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    column->Add(promisedIn_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
    whyLabel_ = label("rapport-why-label");
    whyLabel_->SetFont(whyLabel_->GetFont().Bold());
    why_ = label("rapport-detail-why");
    column->Add(whyLabel_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
    column->Add(why_, 0, wxEXPAND | wxLEFT | wxRIGHT, gap);
    // TRANSLATORS: heading above the explanation of why a checklist item matters to the client relationship.
    relabeler_.label(whyLabel_, bl::translate("Why it matters"));

    auto* grid = new wxFlexGridSizer(2, gap, gap);
    grid->AddGrowableCol(1, 1);
    fieldGrid_ = grid;
    statusLabel_ = label("rapport-status-label");
    status_ = new wxChoice(content_, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0, wxDefaultValidator,
                           "rapport-status");
    grid->Add(statusLabel_, 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(status_, 1, wxEXPAND);
    reasonLabel_ = label("rapport-reason-label");
    reason_ = new wxTextCtrl(content_, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER,
                             wxDefaultValidator, "rapport-reason");
    reason_->SetMaxLength(static_cast<unsigned long>(maxLength(TextField::Reason)));
    grid->Add(reasonLabel_, 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(reason_, 1, wxEXPAND);
    dueLabel_ = label("rapport-due-label");
    // Dates in the sidebar's language (wxDatePickerCtrl would show the C locale's 11/23/2026).
    due_ = new DateField(content_, "rapport-due");
    relabeler_.custom([this](const std::locale& loc) { due_->setLanguage(context_.language(), loc); });
    grid->Add(dueLabel_, 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(due_, 1, wxEXPAND);
    ownerLabel_ = label("rapport-owner-label");
    owner_ = new wxChoice(content_, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0, wxDefaultValidator,
                          "rapport-owner");
    grid->Add(ownerLabel_, 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(owner_, 1, wxEXPAND);
    column->Add(grid, 0, wxEXPAND | wxALL, gap);
    // Full minimum sizes spare each layout from measuring every entry of the choices.
    for (wxWindow* field : std::initializer_list<wxWindow*>{status_, owner_})
        field->SetMinSize(wxSize(FromDIP(80), field->GetBestSize().y));
    // TRANSLATORS: label of the item status selector; the & marks the Alt shortcut.
    relabeler_.label(statusLabel_, bl::translate("&Status:"));
    // TRANSLATORS: label of the field saying why an item waits on the client or is blocked.
    relabeler_.label(reasonLabel_, bl::translate("&Reason:"));
    // TRANSLATORS: label of an item's due date picker.
    relabeler_.label(dueLabel_, bl::translate("D&ue:"));
    // TRANSLATORS: label of the selector saying who has to act on an item: us or the client.
    relabeler_.label(ownerLabel_, bl::translate("&Owner:"));
    relabeler_.tooltip(reason_, bl::translate("Why it waits or is blocked; the report shows it to the client"));

    noteLabel_ = label("rapport-note-label");
    note_ = new wxTextCtrl(content_, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(-1, 56)), wxTE_MULTILINE,
                           wxDefaultValidator, "rapport-note");
    column->Add(noteLabel_, 0, wxLEFT | wxRIGHT, gap);
    column->Add(note_, 0, wxEXPAND | wxALL, gap);
    // TRANSLATORS: label of the free-text note on an item.
    relabeler_.label(noteLabel_, bl::translate("&Note:"));
    // TRANSLATORS: tooltip of an item's note field.
    relabeler_.tooltip(note_, bl::translate("Reports show the note to the client under the item, unless the item is "
                                            "internal"));

    internal_ = new wxCheckBox(content_, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                               "rapport-internal");
    column->Add(internal_, 0, wxLEFT | wxRIGHT | wxTOP, gap);
    internalHint_ = label("rapport-internal-hint");
    internalHint_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    column->Add(internalHint_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    // TRANSLATORS: checkbox marking an item as internal, i.e. for the team only.
    relabeler_.label(internal_, bl::translate("&Internal"));

    // Arrows and Delete on one row; the longer "editable copy" gets a row of its own so that
    // it fits a 240 px sidebar in every language.
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    const auto button = [&](const char* name, long style = 0) {
        auto* made = new wxButton(content_, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT | style,
                                  wxDefaultValidator, name);
        buttons->Add(made, 0, wxRIGHT | wxBOTTOM, gap);
        return made;
    };
    // Arrows say it without words, and keep the row narrow enough for a 240 px sidebar;
    // the label stays as the buttons' accessible name.
    moveUp_ = button("rapport-move-up", wxBU_NOTEXT);
    moveDown_ = button("rapport-move-down", wxBU_NOTEXT);
    moveUp_->SetBitmap(actionIcon(Action::MoveUp));
    moveDown_->SetBitmap(actionIcon(Action::MoveDown));
    delete_ = button("rapport-delete");
    customCopy_ = new wxButton(content_, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                               "rapport-custom-copy");
    customCopy_->SetBitmap(actionIcon(Action::Copy));
    delete_->SetBitmap(actionIcon(Action::Delete));
    column->Add(buttons, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
    column->Add(customCopy_, 0, wxEXPAND | wxALL, gap);
    // TRANSLATORS: button moving the selected item or section one place up (Alt+↑).
    relabeler_.label(moveUp_, bl::translate("Move up"));
    // TRANSLATORS: button moving the selected item or section one place down (Alt+↓).
    relabeler_.label(moveDown_, bl::translate("Move down"));
    // TRANSLATORS: button turning a template item (fixed text) into the user's own editable copy.
    relabeler_.label(customCopy_, bl::translate("Make editable copy"));
    relabeler_.label(delete_, bl::translate("Delete"));
    relabeler_.tooltip(customCopy_, bl::translate("Replace this template item with a copy whose text you can edit"));
    relabeler_.tooltip(moveUp_, bl::translate("Move up (Alt+↑)"));
    relabeler_.tooltip(moveDown_, bl::translate("Move down (Alt+↓)"));
    relabeler_.tooltip(delete_, bl::translate("Delete (Del); Undo brings it back"));
    relabeler_.custom([this](const std::locale& loc) { setLanguage(loc); });

    content_->SetSizer(column);
    auto* whole = new wxBoxSizer(wxVERTICAL);
    whole->Add(content_, 1, wxEXPAND);
    SetSizer(whole);

    // Every handler runs guarded: nothing thrown may reach the host's event loop.
    const auto guard = [this](auto handler) {
        return [this, handler](auto& event) { context_.guarded([&] { handler(event); }); };
    };
    title_->Bind(wxEVT_TEXT_ENTER, guard([this](wxCommandEvent&) { commitTitle(); }));
    title_->Bind(wxEVT_TEXT, guard([this](wxCommandEvent& event) {
        const auto limit = static_cast<size_t>(maxLength(TextField::ItemTitle));
        if (title_->GetValue().length() > limit) {
            const long at = std::min(title_->GetInsertionPoint(), static_cast<long>(limit));
            title_->ChangeValue(title_->GetValue().Left(limit));
            title_->MarkDirty();
            title_->SetInsertionPoint(at);
        }
        fitTitleHeight();
        event.Skip();
    }));
    title_->Bind(wxEVT_SIZE, guard([this](wxSizeEvent& event) {
        fitTitleHeight();
        event.Skip();
    }));
    title_->Bind(wxEVT_KILL_FOCUS, guard([this](wxFocusEvent& event) {
        commitTitle();
        event.Skip();
    }));
    status_->Bind(wxEVT_CHOICE, guard([this](wxCommandEvent&) { commitStatus(); }));
    reason_->Bind(wxEVT_TEXT_ENTER, guard([this](wxCommandEvent&) { commitReason(); }));
    reason_->Bind(wxEVT_KILL_FOCUS, guard([this](wxFocusEvent& event) {
        commitReason();
        event.Skip();
    }));
    due_->onChanged([this] { context_.guarded([&] { commitDue(); }); });
    owner_->Bind(wxEVT_CHOICE, guard([this](wxCommandEvent&) { commitOwner(); }));
    // A note is saved shortly after typing stops, and when the field is left.
    note_->Bind(wxEVT_TEXT, guard([this](wxCommandEvent&) {
        if (!loading_)
            noteTimer_.StartOnce(600);
    }));
    note_->Bind(wxEVT_KILL_FOCUS, guard([this](wxFocusEvent& event) {
        commitNote();
        event.Skip();
    }));
    Bind(wxEVT_TIMER, guard([this](wxTimerEvent&) { commitNote(); }));
    // The wrapped texts follow the width (the sash moved, the sidebar was resized).
    Bind(wxEVT_SIZE, guard([this](wxSizeEvent& event) {
        event.Skip();
        if (GetClientSize().GetWidth() != wrappedWidth_) {
            wrappedWidth_ = GetClientSize().GetWidth();
            CallAfter([this] { context_.guarded([&] { layoutWrapped(); }); });
        }
    }));
    internal_->Bind(wxEVT_CHECKBOX, guard([this](wxCommandEvent&) { commitInternal(); }));
    moveUp_->Bind(wxEVT_BUTTON, guard([this](wxCommandEvent&) {
        if (itemId_)
            report(session_.moveItem(*itemId_, -1), "moved\titem=" + std::to_string(*itemId_) + "\t-1");
        else if (sectionId_)
            report(session_.moveSection(*sectionId_, -1), "moved\tsection=" + std::to_string(*sectionId_) + "\t-1");
    }));
    moveDown_->Bind(wxEVT_BUTTON, guard([this](wxCommandEvent&) {
        if (itemId_)
            report(session_.moveItem(*itemId_, +1), "moved\titem=" + std::to_string(*itemId_) + "\t+1");
        else if (sectionId_)
            report(session_.moveSection(*sectionId_, +1), "moved\tsection=" + std::to_string(*sectionId_) + "\t+1");
    }));
    customCopy_->Bind(wxEVT_BUTTON, guard([this](wxCommandEvent&) {
        const ChecklistItem* shown = item();
        if (!shown)
            return;
        const std::int64_t original = shown->id;
        auto copy = session_.makeCustomCopy(original, session_.itemTitle(*shown, locale_));
        if (copy) {
            itemId_ = copy.value();
            report({}, "copied\titem=" + std::to_string(original) + "\tcopy=" + std::to_string(copy.value()));
            focusTitle();
        } else {
            report(copy.error(), {});
        }
    }));
    delete_->Bind(wxEVT_BUTTON, guard([this](wxCommandEvent&) {
        if (itemId_) {
            const std::int64_t id = *itemId_;
            report(session_.deleteItem(id), "deleted\titem=" + std::to_string(id));
        } else if (sectionId_) {
            const std::int64_t id = *sectionId_;
            report(session_.deleteSection(id), "deleted\tsection=" + std::to_string(id));
        }
    }));
}

void ItemDetail::setLanguage(const std::locale& loc)
{
    locale_ = loc;
    // TRANSLATORS: shown in the detail area when no item is selected.
    setWrapped(hint_, translated(bl::translate("Select an item to see and edit its details."), loc));
    // TRANSLATORS: under the "Internal" checkbox: what internal means.
    setWrapped(internalHint_, translated(bl::translate("Internal items never appear in the client's reports."), loc));
    const bool wasLoading = loading_;
    loading_ = true;
    // Renamed in place: each keeps its selection.
    std::vector<wxString> statuses;
    for (int s = 0; s <= static_cast<int>(ItemStatus::NotApplicable); ++s)
        statuses.push_back(fromUtf8(statusName(static_cast<ItemStatus>(s), loc)));
    setChoiceStrings(*status_, statuses);
    // TRANSLATORS: who acts on an item: we (the freelancer or agency) do.
    const wxString us = translated(bl::translate("owner", "Us"), loc);
    // TRANSLATORS: who acts on an item: the client does.
    const wxString client = translated(bl::translate("owner", "Client"), loc);
    setChoiceStrings(*owner_, {us, client});
    loading_ = wasLoading;
    measureFieldRows();
    // Every label changed width: the grid's columns and the checkbox are laid out again, once
    // (a checkbox left at its old size is given less room than its new text needs).
    laidOutWith_.clear();
    reload();
}

void ItemDetail::measureFieldRows()
{
    wxBitmap pixel(1, 1);
    wxMemoryDC dc(pixel);
    dc.SetFont(status_->GetFont());
    const auto widest = [&](const wxChoice* choice) {
        int width = 0;
        for (unsigned i = 0; i < choice->GetCount(); ++i)
            width = std::max(width, dc.GetTextExtent(choice->GetString(i)).x);
        return width;
    };
    if (choiceArrow_ < 0) // GTK's measure of a choice, once: what it adds around its text
        choiceArrow_ = std::max(status_->GetBestSize().x - widest(status_), 0);
    fieldsNeed_ = choiceArrow_ + std::max(widest(status_), widest(owner_));
    labelsNeed_ = 0;
    for (const wxStaticText* label : {statusLabel_, reasonLabel_, dueLabel_, ownerLabel_}) {
        dc.SetFont(label->GetFont());
        labelsNeed_ = std::max(labelsNeed_, dc.GetTextExtent(label->GetLabelText()).x);
    }
}

const ChecklistItem* ItemDetail::item() const
{
    if (!itemId_ || !session_.checklist())
        return nullptr;
    const auto index = session_.indexOfItem(*itemId_);
    return index ? &session_.checklist()->items[*index] : nullptr;
}

const ChecklistSection* ItemDetail::section() const
{
    if (!sectionId_ || !session_.checklist())
        return nullptr;
    for (const auto& known : session_.checklist()->sections)
        if (known.id == *sectionId_)
            return &known;
    return nullptr;
}

void ItemDetail::show(std::optional<std::int64_t> item_id, std::optional<std::int64_t> section_id)
{
    if (item_id != itemId_ || section_id != sectionId_)
        flushPending();
    itemId_ = item_id;
    sectionId_ = item_id ? std::nullopt : section_id;
    reload();
}

void ItemDetail::reload()
{
    // Text still being typed is committed first, so that redrawing never overwrites it.
    if (!loading_ && (noteTimer_.IsRunning() || title_->IsModified() || reason_->IsModified()))
        flushPending();
    const ChecklistItem* shownItem = item();
    const ChecklistSection* shownSection = shownItem ? nullptr : section();
    if (!shownItem)
        itemId_.reset();
    if (!shownSection)
        sectionId_.reset();
    loading_ = true;
    Freeze();
    const bool any = shownItem || shownSection;
    hint_->Show(!any);
    titleLabel_->Show(any);
    title_->Show(any);
    moveUp_->Show(any);
    moveDown_->Show(any);
    delete_->Show(any);
    for (wxWindow* field : std::initializer_list<wxWindow*>{statusLabel_, status_, dueLabel_, due_, ownerLabel_, owner_,
                                                            noteLabel_, note_, internal_, internalHint_})
        field->Show(shownItem != nullptr);

    if (shownSection) {
        setText(title_, fromUtf8(session_.sectionTitle(*shownSection, locale_)));
        title_->SetEditable(true);
        // TRANSLATORS: button deleting the selected section together with its items.
        setLabelQuickly(*delete_, translated(bl::translate("Delete section"), locale_));
    }
    if (shownItem) {
        const bool custom = shownItem->template_key.empty();
        setText(title_, fromUtf8(session_.itemTitle(*shownItem, locale_)));
        title_->SetEditable(custom);
        const TemplateItem* known = session_.templateItem(*shownItem);
        const std::string context = "template:" + shownItem->template_key;
        const bool hasDescription = known && !known->description.empty();
        const bool hasWhy = known && !known->why.empty();
        setWrapped(description_, hasDescription
                                     ? translated(bl::translate(context.c_str(), known->description.c_str()), locale_)
                                     : wxString());
        setWrapped(why_, hasWhy ? translated(bl::translate(context.c_str(), known->why.c_str()), locale_) : wxString());
        description_->Show(hasDescription);
        // The item's side of a promise's link: where it was promised, in the client's words.
        const LogEntry* promisedIn = session_.promiseEntryOfItem(shownItem->id);
        setWrapped(promisedIn_,
                   promisedIn
                       // TRANSLATORS: in an item's details; {1} the date of the client log entry that promised the
                       // item, {2} what the client said then.
                       ? fromUtf8((bl::format(bl::translate("Promised to the client on {1}, who said: {2}")) %
                                   context_.formattedDate(std::string(logDate(*promisedIn))).utf8_string() %
                                   promisedIn->said)
                                      .str(locale_))
                       : wxString());
        promisedIn_->Show(promisedIn != nullptr);
        whyLabel_->Show(hasWhy);
        why_->Show(hasWhy);
        status_->SetSelection(static_cast<int>(shownItem->status));
        const bool reason = needsReason(shownItem->status);
        reasonLabel_->Show(reason);
        reason_->Show(reason);
        setText(reason_, fromUtf8(shownItem->status_reason));
        due_->setValue(shownItem->due);
        owner_->SetSelection(shownItem->owner == Owner::Client ? 1 : 0);
        if (!note_->HasFocus() || note_->GetValue() != fromUtf8(shownItem->note))
            setText(note_, fromUtf8(shownItem->note));
        internal_->SetValue(shownItem->internal);
        customCopy_->Show(!custom);
        delete_->Show(custom);
        setLabelQuickly(*delete_, translated(bl::translate("Delete"), locale_));
    }
    if (!shownItem) // a section, or nothing: none of an item's own parts
        for (wxWindow* part : std::initializer_list<wxWindow*>{description_, promisedIn_, whyLabel_, why_, reasonLabel_,
                                                               reason_, customCopy_})
            part->Hide();
    // A store that cannot be written: every field shows, none edits (the panel says why).
    const bool editable = !context_.readOnly();
    for (wxWindow* field : std::initializer_list<wxWindow*>{title_, status_, reason_, due_, owner_, note_, internal_,
                                                            customCopy_, moveUp_, moveDown_, delete_})
        if (field->IsEnabled() != editable)
            field->Enable(editable);
    layoutWrapped();
    Thaw();
    loading_ = false;
}

bool ItemDetail::setWrapped(wxStaticText* label, const wxString& text)
{
    return wrapped_.set(label, text, std::max(GetClientSize().GetWidth() - FromDIP(12), FromDIP(120)));
}

void ItemDetail::layoutWrapped()
{
    bool changed = false;
    for (wxStaticText* label : {hint_, description_, promisedIn_, why_, internalHint_}) {
        changed = setWrapped(label, wrapped_.plain(label)) || changed;
    }
    // Too narrow for a label and its whole field side by side: the labels go above the
    // fields, so that no choice cuts its entry.
    const int gap = FromDIP(6);
    const bool stacked = labelsNeed_ + gap + fieldsNeed_ > GetClientSize().GetWidth() - 2 * gap;
    if (stacked != fieldsStacked_) {
        fieldsStacked_ = stacked;
        fieldGrid_->SetCols(stacked ? 1 : 2);
        if (stacked) {
            fieldGrid_->RemoveGrowableCol(1);
            fieldGrid_->AddGrowableCol(0, 1);
        } else {
            fieldGrid_->RemoveGrowableCol(0);
            fieldGrid_->AddGrowableCol(1, 1);
        }
        changed = true;
    }
    // Laying out asks GTK for every control's size: only when something shown changed.
    std::vector<bool> shownNow;
    for (wxWindow* child : content_->GetChildren())
        shownNow.push_back(child->IsShown());
    if (changed || shownNow != laidOutWith_) {
        laidOutWith_ = std::move(shownNow);
        layoutContent();
        FitInside();
    }
}

void ItemDetail::flushPending()
{
    if (noteTimer_.IsRunning()) {
        noteTimer_.Stop();
        commitNote();
    }
    if (title_->IsModified())
        commitTitle();
    if (reason_->IsModified())
        commitReason();
}

void ItemDetail::focusFirstField()
{
    if (itemId_)
        status_->SetFocus();
    else if (sectionId_)
        title_->SetFocus();
}

void ItemDetail::focusTitle()
{
    title_->SetFocus();
    title_->SelectAll();
}

void ItemDetail::report(const Status& status, const std::string& trace)
{
    if (onChanged_)
        onChanged_(status, status ? trace : std::string());
}

void ItemDetail::commitTitle()
{
    if (loading_ || !title_->IsModified())
        return;
    // Cleared first: committing reloads the fields, and must not find this edit pending again.
    title_->DiscardEdits();
    wxString typed = title_->GetValue();
    typed.Replace("\n", " "); // a pasted line break: a title is one line of text
    const std::string text = typed.utf8_string();
    if (const ChecklistItem* shown = item(); shown && shown->template_key.empty()) {
        if (text.empty() || text == shown->custom_text)
            return reload();
        const std::int64_t id = shown->id;
        report(session_.renameItem(id, text), "renamed\titem=" + std::to_string(id));
    } else if (const ChecklistSection* shownSection = section()) {
        const std::int64_t id = shownSection->id;
        if (text.empty() || text == session_.sectionTitle(*shownSection, locale_))
            return reload();
        report(session_.renameSection(id, text), "renamed\tsection=" + std::to_string(id));
    }
}

void ItemDetail::fitTitleHeight()
{
    if (!title_->IsShownOnScreen()) // sized when shown: GTK allocates nothing to a hidden field
        return;
    const int border = title_->GetSize().y - title_->GetClientSize().y;
    const int width = title_->GetClientSize().x - FromDIP(8); // the text view's own margins
    if (width <= 0)
        return;
    wxClientDC dc(title_);
    dc.SetFont(title_->GetFont());
    const int lines =
        std::clamp(static_cast<int>(wrapText(dc, title_->GetValue(), width).size()), 1, 4);
    if (lines == titleLines_)
        return;
    titleLines_ = lines;
    title_->SetMinSize(wxSize(-1, lines * title_->GetCharHeight() + std::max(border, 0) + FromDIP(8)));
    if (wxWindow* parent = GetParent())
        parent->Layout();
    layoutContent();
}

void ItemDetail::layoutContent()
{
    content_->InvalidateBestSize(); // its best size is its sizer's, which changed
    Layout();
    content_->Layout(); // when its size stayed the same, it was not laid out by the line above
}

void ItemDetail::commitStatus()
{
    const ChecklistItem* shown = item();
    if (loading_ || !shown || status_->GetSelection() < 0)
        return;
    const auto status = static_cast<ItemStatus>(status_->GetSelection());
    const std::int64_t id = shown->id;
    const std::string reason = needsReason(status) ? reason_->GetValue().utf8_string() : std::string();
    report(session_.setStatus(id, status, reason),
           "status\titem=" + std::to_string(id) + "\t" + std::string(statusKeyword(status)));
    if (needsReason(status) && reason.empty()) {
        reason_->SetFocus(); // a reason is what the client will read: ask for it at once
    }
}

void ItemDetail::commitReason()
{
    if (loading_)
        return;
    reason_->DiscardEdits();
    const ChecklistItem* shown = item();
    if (!shown || !needsReason(shown->status))
        return;
    const std::string reason = reason_->GetValue().utf8_string();
    if (reason == shown->status_reason)
        return;
    const std::int64_t id = shown->id;
    report(session_.setStatus(id, shown->status, reason), "reason\titem=" + std::to_string(id));
}

void ItemDetail::commitDue()
{
    const ChecklistItem* shown = item();
    if (loading_ || !shown)
        return;
    const std::string due = due_->value();
    if (due == shown->due)
        return;
    const std::int64_t id = shown->id;
    report(session_.setDue(id, due), "due\titem=" + std::to_string(id) + "\t" + due);
}

void ItemDetail::commitOwner()
{
    const ChecklistItem* shown = item();
    if (loading_ || !shown)
        return;
    const Owner owner = owner_->GetSelection() == 1 ? Owner::Client : Owner::Us;
    const std::int64_t id = shown->id;
    report(session_.setOwner(id, owner), "owner\titem=" + std::to_string(id) + (owner == Owner::Client ? "\tclient" : "\tus"));
}

void ItemDetail::commitNote()
{
    noteTimer_.Stop();
    const ChecklistItem* shown = item();
    if (loading_ || !shown)
        return;
    const std::string note = note_->GetValue().utf8_string();
    if (note == shown->note)
        return;
    const std::int64_t id = shown->id;
    report(session_.setNote(id, note), "note\titem=" + std::to_string(id));
}

void ItemDetail::commitInternal()
{
    const ChecklistItem* shown = item();
    if (loading_ || !shown)
        return;
    const std::int64_t id = shown->id;
    const bool internal = internal_->GetValue();
    report(session_.setInternal(id, internal), "internal\titem=" + std::to_string(id) + (internal ? "\t1" : "\t0"));
}

} // namespace rapport::ui
