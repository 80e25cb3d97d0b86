// The detail area under the list: the selected item's description and "why it matters",
// and every field of it to edit (status with its reason, due date, owner, note,
// client-visible or internal); or, for a selected section heading, its title.
// Each edit is committed through the session at once: there is no Save button.
#pragma once

#include "checklist_view.h"
#include "panel_context.h"
#include "relabeler.h"
#include "sidebar_session.h"

#include <cstdint>
#include <functional>
#include <map>
#include <utility>
#include <vector>
#include <locale>
#include <optional>
#include <string>

#include <wx/scrolwin.h>
#include <wx/timer.h>

class wxBoxSizer;
class wxButton;
class wxCheckBox;
class wxChoice;
class wxFlexGridSizer;
class wxPanel;
class wxStaticText;
class wxTextCtrl;

namespace rapport::ui {

class DateField;

// The editor for one item or section.
class ItemDetail : public wxScrolledWindow {
public:
    // What an edit did: its outcome, and a line for the trace ("" when nothing changed).
    using ChangeSink = std::function<void(const Status& status, const std::string& trace)>;

    // Edits through `context`'s session; its labels join `context`'s relabeler.
    ItemDetail(wxWindow* parent, PanelContext& context, ChangeSink onChanged);

    // Shows the item (or section) with `id`; nullopt shows a hint instead.
    void show(std::optional<std::int64_t> item_id, std::optional<std::int64_t> section_id);
    // Reloads the fields from the session after a change elsewhere (undo, a tick).
    void reload();
    // Commits text still being typed (the note, a title) before the selection or document changes.
    void flushPending();
    // Relabels in `loc`.
    void setLanguage(const std::locale& loc);

    // The item or section shown.
    std::optional<std::int64_t> itemId() const noexcept { return itemId_; }
    std::optional<std::int64_t> sectionId() const noexcept { return sectionId_; }
    // Puts the keyboard focus on the first field.
    void focusFirstField();
    // Puts the keyboard focus on the title, all of it selected (after adding a section).
    void focusTitle();

private:
    void build();
    const ChecklistItem* item() const;
    const ChecklistSection* section() const;
    void commitTitle();
    // The title field grows with its wrapped text, one to four lines (then it scrolls).
    void fitTitleHeight();
    void commitStatus();
    void commitReason();
    void commitDue();
    void commitOwner();
    void commitNote();
    void commitInternal();
    void report(const Status& status, const std::string& trace);
    // Shows `text` in `label`, wrapped to this area's width (see WrappedLabels).
    bool setWrapped(wxStaticText* label, const wxString& text);
    void layoutWrapped();
    // Lays out the controls' panel and the area around it.
    void layoutContent();
    // Measures what the status/owner/due rows need side by side (after a language change).
    void measureFieldRows();

    PanelContext& context_; // its guard runs every handler
    SidebarSession& session_;
    Relabeler& relabeler_;
    ChangeSink onChanged_;
    std::locale locale_ = std::locale::classic();
    std::optional<std::int64_t> itemId_;
    std::optional<std::int64_t> sectionId_;
    bool loading_ = false; // fields are being filled from the session: their events are not edits
    wxTimer noteTimer_;
    WrappedLabels wrapped_;
    std::vector<bool> laidOutWith_;
    int wrappedWidth_ = -1; // the client width the texts were last wrapped for // which children were shown at the last layout

    wxStaticText* hint_ = nullptr;
    wxStaticText* titleLabel_ = nullptr;
    wxTextCtrl* title_ = nullptr;
    wxStaticText* description_ = nullptr;
    wxStaticText* promisedIn_ = nullptr; // the client log entry that promised this item
    wxStaticText* whyLabel_ = nullptr;
    wxStaticText* why_ = nullptr;
    wxPanel* content_ = nullptr; // every control's parent: scrolling moves it alone (see build())
    wxFlexGridSizer* fieldGrid_ = nullptr; // labels beside their fields, or above them when narrow
    bool fieldsStacked_ = false;
    int labelsNeed_ = 0;    // the widest of the grid's labels
    int fieldsNeed_ = 0;    // the widest choice with its widest entry
    int choiceArrow_ = -1;  // what a choice adds to its text (measured once)
    wxStaticText* statusLabel_ = nullptr;
    wxChoice* status_ = nullptr;
    wxStaticText* reasonLabel_ = nullptr;
    wxTextCtrl* reason_ = nullptr;
    wxStaticText* dueLabel_ = nullptr;
    DateField* due_ = nullptr;
    wxStaticText* ownerLabel_ = nullptr;
    wxChoice* owner_ = nullptr;
    wxStaticText* noteLabel_ = nullptr;
    wxTextCtrl* note_ = nullptr;
    wxCheckBox* internal_ = nullptr;
    wxStaticText* internalHint_ = nullptr;
    wxButton* customCopy_ = nullptr;
    wxButton* moveUp_ = nullptr;
    wxButton* moveDown_ = nullptr;
    wxButton* delete_ = nullptr;
    int titleLines_ = 0; // the lines the title field is sized for
};

} // namespace rapport::ui
