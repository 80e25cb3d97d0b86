#include "log_dialogs.h"

#include "calendar.h"
#include "checklist_view.h" // wrapForLabel
#include "contained.h"
#include "date_field.h"
#include "log_words.h"
#include "relabeler.h"
#include "revision_rounds.h"
#include "text_rules.h"

#include <boost/locale/message.hpp>

#include <algorithm>
#include <initializer_list>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/radiobut.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <gtk/gtk.h>

namespace rapport::ui {

namespace bl = boost::locale;

namespace {

// A text field of a few lines that wraps rather than scrolling sideways.
wxTextCtrl* paragraphField(wxWindow* parent, const char* name, TextField rules)
{
    auto* field = new wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, parent->FromDIP(wxSize(300, 60)),
                                 wxTE_MULTILINE | wxTE_BESTWRAP, wxDefaultValidator, name);
    // wxGTK has no SetMaxLength for a field of several lines (it asserts): the limit is kept as typed.
    const auto limit = static_cast<size_t>(maxLength(rules));
    field->Bind(wxEVT_TEXT, [field, limit](wxCommandEvent& event) {
        runContained([&] {
            if (field->GetValue().length() > limit) {
                const long at = std::min(field->GetInsertionPoint(), static_cast<long>(limit));
                field->ChangeValue(field->GetValue().Left(limit));
                field->SetInsertionPoint(at);
            }
        }, [](const std::string&) {});
        event.Skip();
    });
    return field;
}

wxTextCtrl* lineField(wxWindow* parent, const char* name, TextField rules)
{
    auto* field = new wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, parent->FromDIP(wxSize(300, -1)), 0,
                                 wxDefaultValidator, name);
    field->SetMaxLength(static_cast<unsigned long>(maxLength(rules)));
    return field;
}

// "HH:MM" with a real hour and minute.
bool isClockTime(const std::string& text)
{
    if (text.size() != 5 || text[2] != ':')
        return false;
    for (const std::size_t i : {0u, 1u, 3u, 4u})
        if (text[i] < '0' || text[i] > '9')
            return false;
    return std::stoi(text.substr(0, 2)) < 24 && std::stoi(text.substr(3, 2)) < 60;
}

wxStaticText* problemLine(wxWindow* parent, const char* name)
{
    auto* problem = new wxStaticText(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, name);
    problem->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_HOTLIGHT));
    problem->Hide();
    return problem;
}

// Save and Cancel in our own words (no wx stock label stays English).
void addButtons(wxDialog& dialog, wxSizer* column, const std::locale& loc, int gap)
{
    auto* buttons = new wxStdDialogButtonSizer;
    // TRANSLATORS: the button that saves a client log entry or its resolution.
    auto* saveButton = new wxButton(&dialog, wxID_OK, translated(bl::translate("Sa&ve"), loc));
    saveButton->SetDefault();
    buttons->AddButton(saveButton);
    buttons->AddButton(new wxButton(&dialog, wxID_CANCEL, translated(bl::translate("Cancel"), loc)));
    buttons->Realize();
    column->Add(buttons, 0, wxEXPAND | wxALL, gap);
}

} // namespace

void saveOnCtrlEnter(wxDialog& dialog)
{
    dialog.Bind(wxEVT_CHAR_HOOK, [&dialog](wxKeyEvent& event) {
        const int key = event.GetKeyCode();
        // Tab moves on from a text of several lines too: GTK's text view would take it as text.
        if (key == WXK_TAB && (event.GetModifiers() & ~wxMOD_SHIFT) == 0) {
            if (auto* text = dynamic_cast<wxTextCtrl*>(wxWindow::FindFocus()); text && text->IsMultiLine()) {
                // GTK moves the focus itself (wx's Navigate() does nothing there): ask it as Tab would.
                g_signal_emit_by_name(dialog.GetHandle(), "move-focus",
                                      event.ShiftDown() ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD);
                return;
            }
        }
        if ((key == WXK_RETURN || key == WXK_NUMPAD_ENTER) && event.GetModifiers() == wxMOD_CONTROL) {
            wxCommandEvent save(wxEVT_BUTTON, wxID_OK);
            save.SetEventObject(&dialog);
            dialog.ProcessWindowEvent(save);
            return;
        }
        event.Skip();
    });
}

// --- LogEntryDialog ---------------------------------------------------------------------

LogEntryDialog::LogEntryDialog(wxWindow* parent, SidebarSession& session, Language language, const std::locale& loc)
    // TRANSLATORS: title of the dialog that records what the client said.
    : wxDialog(parent, wxID_ANY, translated(bl::translate("Add to the client log"), loc), wxDefaultPosition,
               wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER, "rapport-log-dialog"),
      session_(session), locale_(loc)
{
    const int gap = FromDIP(6);
    auto* column = new wxBoxSizer(wxVERTICAL);
    const auto label = [&](const bl::message& text) {
        column->Add(new wxStaticText(this, wxID_ANY, translated(text, loc)), 0, wxLEFT | wxRIGHT | wxTOP, gap);
    };
    const auto field = [&](const bl::message& text, wxWindow* control, int proportion = 0) {
        label(text);
        column->Add(control, proportion, wxEXPAND | wxLEFT | wxRIGHT, gap);
    };

    said_ = paragraphField(this, "rapport-log-said", TextField::LogText);
    // TRANSLATORS: in "Add to the client log": what the client said or asked, in the user's own words.
    field(bl::translate("What the client &said:"), said_, 1);

    auto* kindRow = new wxFlexGridSizer(2, gap, gap);
    kindRow->AddGrowableCol(0, 1);
    kindRow->AddGrowableCol(1, 1);
    kind_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0, wxDefaultValidator,
                         "rapport-log-kind");
    for (LogKind kind : kLogKinds)
        kind_->Append(fromUtf8(logKindName(kind, loc)));
    kind_->SetSelection(0);
    channel_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0, wxDefaultValidator,
                            "rapport-log-channel");
    for (LogChannel channel : kLogChannels)
        channel_->Append(fromUtf8(logChannelName(channel, loc)));
    channel_->SetSelection(0);
    // TRANSLATORS: in "Add to the client log": what kind of thing the client said (request, complaint...).
    kindRow->Add(new wxStaticText(this, wxID_ANY, translated(bl::translate("&Kind:"), loc)));
    // TRANSLATORS: in "Add to the client log": how the client said it (call, email...).
    kindRow->Add(new wxStaticText(this, wxID_ANY, translated(bl::translate("&Channel:"), loc)));
    kindRow->Add(kind_, 1, wxEXPAND);
    kindRow->Add(channel_, 1, wxEXPAND);
    column->Add(kindRow, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);

    promise_ = lineField(this, "rapport-log-promise", TextField::ItemTitle);
    // TRANSLATORS: placeholder: what we promised becomes a checklist item.
    promise_->SetHint(translated(bl::translate("Becomes a checklist item"), loc));
    // TRANSLATORS: in "Add to the client log": what we promised the client; may stay empty.
    field(bl::translate("We &promised:"), promise_);
    due_ = new DateField(this, "rapport-log-due");
    due_->setLanguage(language, loc);
    // TRANSLATORS: in "Add to the client log": the date by which the promise is kept.
    field(bl::translate("&By:"), due_);

    who_ = lineField(this, "rapport-log-who", TextField::ClientName);
    if (session_.checklist())
        who_->ChangeValue(fromUtf8(projectSettingsOf(*session_.checklist()).client_name));
    // TRANSLATORS: in "Add to the client log": the person who spoke for the client.
    field(bl::translate("&Who:"), who_);

    auto* whenRow = new wxBoxSizer(wxHORIZONTAL);
    date_ = new DateField(this, "rapport-log-date");
    date_->setLanguage(language, loc);
    const std::int64_t now = nowSeconds();
    date_->setValue(localDate(now));
    time_ = new wxTextCtrl(this, wxID_ANY, fromUtf8(localDateTime(now).substr(11, 5)), wxDefaultPosition,
                           FromDIP(wxSize(70, -1)), 0, wxDefaultValidator, "rapport-log-time");
    time_->SetMaxLength(5);
    whenRow->Add(date_, 1, wxEXPAND | wxRIGHT, gap);
    whenRow->Add(time_, 0, wxALIGN_CENTER_VERTICAL);
    // TRANSLATORS: in "Add to the client log": the day and the time (HH:MM) the client said it.
    label(bl::translate("W&hen:"));
    column->Add(whenRow, 0, wxEXPAND | wxLEFT | wxRIGHT, gap);

    answer_ = paragraphField(this, "rapport-log-answer", TextField::LogText);
    // TRANSLATORS: in "Add to the client log": what we answered; may stay empty.
    field(bl::translate("Our &answer:"), answer_, 1);

    // TRANSLATORS: in "Add to the client log": the entry (and its promise) never appears in a client's report.
    internal_ = new wxCheckBox(this, wxID_ANY, translated(bl::translate("&Internal: never in reports"), loc),
                               wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator, "rapport-log-internal");
    column->Add(internal_, 0, wxLEFT | wxRIGHT | wxTOP, gap);

    problem_ = problemLine(this, "rapport-log-problem");
    column->Add(problem_, 0, wxEXPAND | wxALL, gap);
    addButtons(*this, column, loc, gap);
    SetSizerAndFit(column);
    CentreOnParent();

    Bind(wxEVT_BUTTON, [this](wxCommandEvent& event) {
        runContained([&] {
            if (save())
                event.Skip(); // wxDialog ends the modal loop
        }, [this](const std::string& what) { showProblem(what); });
    }, wxID_OK);
    saveOnCtrlEnter(*this);
    said_->SetFocus();
}

void LogEntryDialog::showProblem(const std::string& text)
{
    problem_->SetLabel(fromUtf8(text));
    problem_->Wrap(FromDIP(300));
    problem_->Show(!text.empty());
    Fit();
}

bool LogEntryDialog::save()
{
    if (session_.readOnly())
        return false;
    LogEntry entry;
    entry.said = said_->GetValue().utf8_string();
    if (entry.said.empty()) {
        // TRANSLATORS: "Add to the client log" saved with nothing in "What the client said".
        showProblem(bl::translate("Write what the client said.").str(locale_));
        said_->SetFocus();
        return false;
    }
    const std::string time = time_->GetValue().utf8_string();
    if (!date_->commitTyped() || date_->value().empty() || !isClockTime(time)) {
        // TRANSLATORS: "Add to the client log": the day or the time is not one (the time is HH:MM, such as 14:05).
        showProblem(bl::translate("The day or the time is not right: the time is written like 14:05.").str(locale_));
        return false;
    }
    if (!due_->commitTyped()) {
        // TRANSLATORS: "Add to the client log": the promise's date is not a date.
        showProblem(bl::translate("The promise's date is not a date.").str(locale_));
        return false;
    }
    const std::string promise = promise_->GetValue().utf8_string();
    if (promise.empty() && !due_->value().empty()) {
        // TRANSLATORS: "Add to the client log": a date was given but not what was promised.
        showProblem(bl::translate("Write what was promised by that date.").str(locale_));
        promise_->SetFocus();
        return false;
    }
    entry.when = date_->value() + "T" + time;
    entry.kind = kLogKinds[static_cast<std::size_t>(std::max(kind_->GetSelection(), 0))];
    entry.channel = kLogChannels[static_cast<std::size_t>(std::max(channel_->GetSelection(), 0))];
    entry.who = who_->GetValue().utf8_string();
    entry.answer = answer_->GetValue().utf8_string();
    entry.internal = internal_->GetValue();
    auto saved = session_.addLogEntry(entry, promise, due_->value());
    if (!saved) {
        showProblem(saved.error().description(locale_));
        return false;
    }
    savedId_ = saved.value();
    return true;
}

// --- LogResolveDialog -------------------------------------------------------------------

LogResolveDialog::LogResolveDialog(wxWindow* parent, SidebarSession& session, const LogEntry& entry,
                                   const std::locale& loc)
    // TRANSLATORS: title of the dialog that records how a client log entry was resolved.
    : wxDialog(parent, wxID_ANY, translated(bl::translate("Resolve a client log entry"), loc), wxDefaultPosition,
               wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER, "rapport-resolve-dialog"),
      session_(session), entry_(entry), locale_(loc)
{
    const int gap = FromDIP(6);
    const int width = FromDIP(300);
    auto* column = new wxBoxSizer(wxVERTICAL);
    auto* said = new wxStaticText(this, wxID_ANY, fromUtf8(logKindName(entry.kind, loc) + ": " + entry.said),
                                  wxDefaultPosition, wxDefaultSize, 0, "rapport-resolve-said");
    said->SetLabelText(wrapForLabel(*said, said->GetLabelText(), width));
    column->Add(said, 0, wxEXPAND | wxALL, gap);

    if (entry.kind == LogKind::ChangeRequest) {
        // TRANSLATORS: a change request's outcome: the client has yet to decide (on price or time).
        awaiting_ = new wxRadioButton(this, wxID_ANY, translated(bl::translate("A&waiting the client's decision"), loc),
                                      wxDefaultPosition, wxDefaultSize, wxRB_GROUP, wxDefaultValidator,
                                      "rapport-resolve-awaiting");
        // TRANSLATORS: a change request's outcome: taken into the work.
        accepted_ = new wxRadioButton(this, wxID_ANY, translated(bl::translate("A&ccepted into the work"), loc),
                                      wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator, "rapport-resolve-accepted");
        // TRANSLATORS: a change request's outcome: not taken into the work.
        declined_ = new wxRadioButton(this, wxID_ANY, translated(bl::translate("&Declined"), loc), wxDefaultPosition,
                                      wxDefaultSize, 0, wxDefaultValidator, "rapport-resolve-declined");
        // TRANSLATORS: when accepting a change request: the checklist gets an item for it.
        addItem_ = new wxCheckBox(this, wxID_ANY, translated(bl::translate("Add it to the checklist &as:"), loc),
                                  wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator, "rapport-resolve-add-item");
        addItem_->SetValue(true);
        itemText_ = lineField(this, "rapport-resolve-item", TextField::ItemTitle);
        itemText_->ChangeValue(fromUtf8(entry.said.substr(0, 200)));
        // TRANSLATORS: when accepting a change request: it counts as a new revision round.
        startRound_ = new wxCheckBox(this, wxID_ANY, translated(bl::translate("Start a &revision round for it"), loc),
                                     wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator, "rapport-resolve-round");
        reason_ = lineField(this, "rapport-resolve-reason", TextField::LogText);
        // TRANSLATORS: placeholder: why a change request was declined.
        reason_->SetHint(translated(bl::translate("Why it was declined"), loc));
        column->Add(awaiting_, 0, wxLEFT | wxRIGHT | wxTOP, gap);
        column->Add(accepted_, 0, wxLEFT | wxRIGHT | wxTOP, gap);
        column->Add(addItem_, 0, wxLEFT | wxTOP, 4 * gap);
        column->Add(itemText_, 0, wxEXPAND | wxLEFT, 4 * gap);
        column->Add(startRound_, 0, wxLEFT | wxTOP, 4 * gap);
        column->Add(declined_, 0, wxLEFT | wxRIGHT | wxTOP, gap);
        column->Add(reason_, 0, wxEXPAND | wxLEFT, 4 * gap);
        (entry.outcome == ChangeOutcome::Accepted   ? accepted_
         : entry.outcome == ChangeOutcome::Declined ? declined_
                                                    : awaiting_)
            ->SetValue(true);
        reason_->ChangeValue(fromUtf8(entry.decline_reason));
        for (wxRadioButton* choice : {awaiting_, accepted_, declined_})
            choice->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { showOutcomeFields(); });
        addItem_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { showOutcomeFields(); });
    }

    resolution_ = paragraphField(this, "rapport-resolve-resolution", TextField::LogText);
    resolution_->ChangeValue(fromUtf8(entry.resolution));
    // TRANSLATORS: in "Resolve a client log entry": what was done about it, in the user's words.
    column->Add(new wxStaticText(this, wxID_ANY, translated(bl::translate("How it was &resolved:"), loc)), 0,
                wxLEFT | wxRIGHT | wxTOP, gap);
    column->Add(resolution_, 1, wxEXPAND | wxLEFT | wxRIGHT, gap);

    problem_ = problemLine(this, "rapport-resolve-problem");
    column->Add(problem_, 0, wxEXPAND | wxALL, gap);
    addButtons(*this, column, loc, gap);
    if (awaiting_)
        showOutcomeFields();
    SetSizerAndFit(column);
    CentreOnParent();

    Bind(wxEVT_BUTTON, [this](wxCommandEvent& event) {
        runContained([&] {
            if (save())
                event.Skip();
        }, [this](const std::string& what) { showProblem(what); });
    }, wxID_OK);
    saveOnCtrlEnter(*this);
    (awaiting_ ? static_cast<wxWindow*>(awaiting_->GetValue() ? awaiting_ : accepted_->GetValue() ? accepted_ : declined_)
               : resolution_)
        ->SetFocus();
}

void LogResolveDialog::showOutcomeFields()
{
    const bool accepting = accepted_->GetValue();
    addItem_->Enable(accepting && entry_.outcome != ChangeOutcome::Accepted);
    itemText_->Enable(accepting && addItem_->GetValue() && addItem_->IsEnabled());
    startRound_->Enable(accepting && entry_.outcome != ChangeOutcome::Accepted);
    reason_->Enable(declined_->GetValue());
}

void LogResolveDialog::showProblem(const std::string& text)
{
    problem_->SetLabel(fromUtf8(text));
    problem_->Wrap(FromDIP(300));
    problem_->Show(!text.empty());
    Fit();
}

bool LogResolveDialog::save()
{
    if (session_.readOnly())
        return false;
    const std::string resolution = resolution_->GetValue().utf8_string();
    if (accepted_ && accepted_->GetValue() && entry_.outcome != ChangeOutcome::Accepted) {
        const std::string item = addItem_->GetValue() ? itemText_->GetValue().utf8_string() : std::string();
        if (addItem_->GetValue() && item.empty()) {
            // TRANSLATORS: accepting a change request with "Add it to the checklist" ticked and no text.
            showProblem(bl::translate("Write the checklist item, or untick it.").str(locale_));
            return false;
        }
        const bool round = startRound_->GetValue();
        if (round && session_.checklist() && !confirmRoundBeyondAgreed(this, *session_.checklist(), locale_))
            return false;
        if (Status accepted = session_.acceptChangeRequest(entry_.id, resolution, item, round); !accepted) {
            showProblem(accepted.error().description(locale_));
            return false;
        }
        return true;
    }
    LogEntry resolved = entry_;
    resolved.resolution = resolution;
    if (awaiting_) {
        resolved.outcome = accepted_->GetValue()   ? ChangeOutcome::Accepted
                           : declined_->GetValue() ? ChangeOutcome::Declined
                                                   : ChangeOutcome::Awaiting;
        resolved.decline_reason = declined_->GetValue() ? reason_->GetValue().utf8_string() : std::string();
        if (declined_->GetValue() && resolved.decline_reason.empty()) {
            // TRANSLATORS: declining a change request without saying why.
            showProblem(bl::translate("Write why it was declined.").str(locale_));
            reason_->SetFocus();
            return false;
        }
    }
    if (Status saved = session_.resolveLogEntry(resolved); !saved) {
        showProblem(saved.error().description(locale_));
        return false;
    }
    return true;
}

} // namespace rapport::ui
