// What the sidebar shows without a checklist: a sentence saying why (no document, no
// checklist yet, an unusable store) and, for a document without a checklist, the
// template picker: tick one or more templates (each becomes its own sections), see what
// the highlighted one adds, then attach; or start an empty checklist.
#pragma once

#include "checklist_view.h"
#include "panel_context.h"

#include <functional>
#include <string>
#include <vector>

class wxButton;
class wxCheckListBox;
class wxSizer;
class wxStaticText;
class wxTextCtrl;
class wxWindow;

namespace rapport::ui {

// The empty state's controls.
class EmptyState {
public:
    // A checklist was attached: from templates, or empty (the user types the items).
    using AttachedSink = std::function<void(bool from_templates)>;

    // Builds the controls inside `panel` and adds them to `column`.
    EmptyState(wxWindow* panel, wxSizer* column, PanelContext& context, AttachedSink onAttached);

    // Shows what fits `view` and hides the rest; true when anything appeared, disappeared
    // or changed size (the panel then needs a layout).
    bool refresh(SidebarSession::View view);
    // The template titles are in an earlier language: refilled when next shown, not on every switch.
    void languageChanged() { templateListStale_ = true; }
    // The panel's width changed: the texts are wrapped again (true when the panel needs a layout).
    bool resized();
    // The same path as ticking only `template_key` and pressing "Attach checklist".
    void attachTemplate(const std::string& template_key);

private:
    void fillTemplateList();
    // Wraps the template names and the heading to the list's width, and makes the list
    // tall enough for every row; true when anything changed.
    bool wrapTemplates();
    // After GTK measured the rows: the list's height follows them.
    void fitTemplateList();
    void showPreview();
    void onAttach();
    void onStartEmpty();

    wxWindow* panel_;
    PanelContext& context_;
    AttachedSink attachedSink_;
    WrappedLabels wrapped_;
    std::vector<std::string> templateKeys_; // the template list's keys, in display order
    std::vector<wxString> templateTitles_;  // their titles, unwrapped
    int templatesWrappedAt_ = -1;           // the text width the names were wrapped for
    wxString templatesHeading_;             // the heading, unwrapped, with its mnemonic
    int headingWrappedAt_ = -1;
    bool fitPending_ = false;
    bool templateListStale_ = false;
    wxStaticText* explanation_ = nullptr;
    wxStaticText* templatesLabel_ = nullptr;
    wxCheckListBox* templateList_ = nullptr;
    wxStaticText* previewLabel_ = nullptr;
    wxTextCtrl* preview_ = nullptr;
    wxButton* attachButton_ = nullptr;
    wxButton* emptyButton_ = nullptr;
};

} // namespace rapport::ui
