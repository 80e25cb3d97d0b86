#include "project_dialog.h"

#include "calendar.h"
#include "contained.h"
#include "date_field.h"
#include "localization.h"
#include "modal.h"
#include "relabeler.h"
#include "text_rules.h"
#include "update_rhythm.h"

#include <boost/locale/format.hpp>
#include <boost/locale/message.hpp>

#include <cstdio>
#include <initializer_list>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/msgdlg.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/textdlg.h>

namespace rapport::ui {

namespace bl = boost::locale;

namespace {

// The rhythm choice's entries, in order.
enum RhythmEntry { RhythmNone, RhythmWeekly, RhythmBiweekly, RhythmMonthly, RhythmDays };

} // namespace

std::string roundsUsedText(const Checklist& checklist, const std::locale& loc)
{
    if (!checklist.revision_rounds_agreed)
        // TRANSLATORS: revision rounds started when no number was agreed; {1} is a number.
        return (bl::format(bl::translate("{1} round used", "{1} rounds used", checklist.revision_rounds_used)) %
                checklist.revision_rounds_used)
            .str(loc);
    // TRANSLATORS: revision rounds: {1} started of the {2} agreed with the client.
    return (bl::format(bl::translate("{1} of {2} round used", "{1} of {2} rounds used", *checklist.revision_rounds_agreed)) %
            checklist.revision_rounds_used % *checklist.revision_rounds_agreed)
        .str(loc);
}

template <class Body>
void ProjectDialog::contained(Body&& body) noexcept
{
    runContained(body, [this](const std::string& what) { showProblem(what); });
}

ProjectDialog::ProjectDialog(wxWindow* parent, SidebarSession& session, Language dateLanguage, const std::locale& loc,
                             DateFormatter formatDate)
    // TRANSLATORS: title of the dialog with the project's settings (client, rhythm, rounds).
    : wxDialog(parent, wxID_ANY, translated(bl::translate("Project settings"), loc), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER, "rapport-project-dialog"),
      session_(session), locale_(loc), formatDate_(std::move(formatDate))
{
    const int gap = FromDIP(6);
    auto* column = new wxBoxSizer(wxVERTICAL);
    // One field under its label: the dialog stays narrow enough for any language.
    const auto field = [&](const boost::locale::message& text, wxWindow* control) {
        column->Add(new wxStaticText(this, wxID_ANY, translated(text, loc)), 0, wxLEFT | wxRIGHT | wxTOP, gap);
        column->Add(control, 0, wxEXPAND | wxLEFT | wxRIGHT, gap);
    };

    client_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(260, -1)), 0,
                             wxDefaultValidator, "rapport-project-client");
    client_->SetMaxLength(static_cast<unsigned long>(maxLength(TextField::ClientName)));
    // TRANSLATORS: in "Project settings": the client's name, shown in reports.
    field(bl::translate("&Client:"), client_);

    language_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0, wxDefaultValidator,
                             "rapport-project-language");
    // TRANSLATORS: in "Project settings": no report language chosen for the client.
    language_->Append(translated(bl::translate("Not set"), loc));
    for (Language language : kLanguages)
        language_->Append(fromUtf8(std::string(nativeLanguageName(language))));
    // TRANSLATORS: in "Project settings": the language reports for this client are made in by default.
    field(bl::translate("Client's report &language:"), language_);

    deadline_ = new DateField(this, "rapport-project-deadline");
    deadline_->setLanguage(dateLanguage, loc);
    // TRANSLATORS: in "Project settings": the date the whole project is due.
    field(bl::translate("Project &deadline:"), deadline_);

    auto* rhythmRow = new wxBoxSizer(wxHORIZONTAL);
    rhythm_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0, wxDefaultValidator,
                           "rapport-project-rhythm");
    // TRANSLATORS: update rhythm: the client gets no regular progress update.
    rhythm_->Append(translated(bl::translate("No regular updates"), loc));
    // TRANSLATORS: update rhythm.
    rhythm_->Append(translated(bl::translate("Weekly"), loc));
    // TRANSLATORS: update rhythm.
    rhythm_->Append(translated(bl::translate("Every two weeks"), loc));
    // TRANSLATORS: update rhythm.
    rhythm_->Append(translated(bl::translate("Monthly"), loc));
    // TRANSLATORS: update rhythm; the number of days is chosen beside it.
    rhythm_->Append(translated(bl::translate("Every N days"), loc));
    days_ = new wxSpinCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 1,
                           kMaxRhythmDays, 10, "rapport-project-days");
    rhythmRow->Add(rhythm_, 1, wxEXPAND | wxRIGHT, gap);
    rhythmRow->Add(days_, 0, wxALIGN_CENTER_VERTICAL);
    // TRANSLATORS: in "Project settings": how often the client gets a progress update.
    column->Add(new wxStaticText(this, wxID_ANY, translated(bl::translate("Update &rhythm:"), loc)), 0,
                wxLEFT | wxRIGHT | wxTOP, gap);
    column->Add(rhythmRow, 0, wxEXPAND | wxLEFT | wxRIGHT, gap);

    next_ = new DateField(this, "rapport-project-next");
    next_->setLanguage(dateLanguage, loc);
    // TRANSLATORS: in "Project settings": when the next progress update is due.
    field(bl::translate("&Next update due:"), next_);

    auto* roundsRow = new wxBoxSizer(wxHORIZONTAL);
    // TRANSLATORS: in "Project settings": a number of revision rounds was agreed with the client.
    roundsAgreed_ = new wxCheckBox(this, wxID_ANY, translated(bl::translate("Revision rounds &agreed:"), loc),
                                   wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator, "rapport-project-rounds-set");
    rounds_ = new wxSpinCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 0,
                             999, 2, "rapport-project-rounds");
    roundsRow->Add(roundsAgreed_, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    roundsRow->Add(rounds_, 0, wxALIGN_CENTER_VERTICAL);
    column->Add(roundsRow, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
    roundsUsed_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                                   "rapport-project-rounds-used");
    column->Add(roundsUsed_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
    roundList_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                                  "rapport-project-round-list");
    roundList_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    column->Add(roundList_, 0, wxEXPAND | wxLEFT | wxRIGHT, gap);
    // TRANSLATORS: button in "Project settings": records a new round of changes the client asked for.
    auto* startRound = new wxButton(this, wxID_ANY, translated(bl::translate("&Start revision round…"), loc),
                                    wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator, "rapport-project-start-round");
    column->Add(startRound, 0, wxLEFT | wxRIGHT | wxTOP, gap);

    problem_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                                "rapport-project-problem");
    problem_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_HOTLIGHT));
    problem_->Hide();
    column->Add(problem_, 0, wxEXPAND | wxALL, gap);

    auto* buttons = new wxStdDialogButtonSizer;
    // TRANSLATORS: the button that saves the project settings.
    auto* saveButton = new wxButton(this, wxID_OK, translated(bl::translate("Sa&ve"), loc));
    saveButton->SetDefault();
    buttons->AddButton(saveButton);
    buttons->AddButton(new wxButton(this, wxID_CANCEL, translated(bl::translate("Cancel"), loc)));
    buttons->Realize();
    column->Add(buttons, 0, wxEXPAND | wxALL, gap);

    if (session_.checklist())
        fill(*session_.checklist());
    SetSizerAndFit(column);
    CentreOnParent();

    const bool editable = !session_.readOnly().has_value();
    for (wxWindow* control : std::initializer_list<wxWindow*>{client_, language_, deadline_, rhythm_, days_, next_,
                                                              roundsAgreed_, rounds_, startRound, saveButton})
        control->Enable(editable && control->IsEnabled());

    rhythm_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { contained([&] { onRhythmChosen(); }); });
    days_->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent&) { contained([&] { onRhythmChosen(); }); });
    next_->onChanged([this] { nextSuggested_ = false; }); // the user's own date
    roundsAgreed_->Bind(wxEVT_CHECKBOX,
                        [this](wxCommandEvent&) { contained([&] { rounds_->Enable(roundsAgreed_->GetValue()); }); });
    startRound->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        contained([&] {
            std::string failure;
            if (askAndStartRound(this, session_, locale_, failure))
                showRounds();
            else if (!failure.empty())
                showProblem(failure);
        });
    });
    Bind(wxEVT_BUTTON, [this](wxCommandEvent& event) {
        contained([&] {
            if (save())
                event.Skip(); // wxDialog ends the modal loop (or hides a modeless one)
        });
    }, wxID_OK);
    client_->SetFocus();
}

void ProjectDialog::fill(const Checklist& checklist)
{
    const ProjectSettings now = projectSettingsOf(checklist);
    client_->ChangeValue(fromUtf8(now.client_name));
    language_->SetSelection(0);
    for (std::size_t i = 0; i < kLanguages.size(); ++i)
        if (languageCode(kLanguages[i]) == now.client_language)
            language_->SetSelection(static_cast<int>(i) + 1);
    deadline_->setValue(now.deadline);
    const UpdateRhythm rhythm = parseUpdateRhythm(now.update_rhythm).value_or(UpdateRhythm{});
    switch (rhythm.kind) {
    case UpdateRhythm::Kind::None: rhythm_->SetSelection(RhythmNone); break;
    case UpdateRhythm::Kind::Weekly: rhythm_->SetSelection(RhythmWeekly); break;
    case UpdateRhythm::Kind::Biweekly: rhythm_->SetSelection(RhythmBiweekly); break;
    case UpdateRhythm::Kind::Monthly: rhythm_->SetSelection(RhythmMonthly); break;
    case UpdateRhythm::Kind::EveryDays:
        rhythm_->SetSelection(RhythmDays);
        days_->SetValue(rhythm.days);
        break;
    }
    days_->Enable(rhythm_->GetSelection() == RhythmDays);
    next_->setValue(now.next_update_due);
    roundsAgreed_->SetValue(now.revision_rounds_agreed.has_value());
    rounds_->SetValue(now.revision_rounds_agreed.value_or(2));
    rounds_->Enable(now.revision_rounds_agreed.has_value());
    showRounds();
}

void ProjectDialog::showRounds()
{
    if (!session_.checklist())
        return;
    roundsUsed_->SetLabel(fromUtf8(roundsUsedText(*session_.checklist(), locale_)));
    std::string lines;
    if (auto rounds = session_.revisionRounds()) {
        for (const RevisionRound& round : rounds.value()) {
            if (!lines.empty())
                lines += "\n";
            // TRANSLATORS: one revision round in "Project settings": {1} its number, {2} when it started,
            // {3} what it was for.
            lines += (bl::format(bl::translate("{1}. {2}: {3}")) % round.number %
                      formatDate_(localDate(round.at)).utf8_string() % round.purpose)
                         .str(locale_);
        }
    }
    roundList_->SetLabel(fromUtf8(lines));
    roundList_->Wrap(FromDIP(300));
    roundList_->Show(!lines.empty());
    if (GetSizer())
        Fit();
}

void ProjectDialog::onRhythmChosen()
{
    days_->Enable(rhythm_->GetSelection() == RhythmDays);
    // A rhythm with no next update yet: offer the first one, a period from today, and
    // follow the rhythm while the user has not picked a date of their own.
    if (next_->value().empty() || nextSuggested_) {
        if (const auto rhythm = parseUpdateRhythm(settings().update_rhythm)) {
            next_->setValue(advanceByRhythm(*rhythm, localToday()));
            nextSuggested_ = !next_->value().empty();
        }
    }
}

ProjectSettings ProjectDialog::settings() const
{
    ProjectSettings wanted;
    wanted.client_name = client_->GetValue().utf8_string();
    const int language = language_->GetSelection();
    if (language > 0 && static_cast<std::size_t>(language) <= kLanguages.size())
        wanted.client_language = std::string(languageCode(kLanguages[static_cast<std::size_t>(language - 1)]));
    wanted.deadline = deadline_->value();
    switch (rhythm_->GetSelection()) {
    case RhythmWeekly: wanted.update_rhythm = "weekly"; break;
    case RhythmBiweekly: wanted.update_rhythm = "biweekly"; break;
    case RhythmMonthly: wanted.update_rhythm = "monthly"; break;
    case RhythmDays: wanted.update_rhythm = std::to_string(days_->GetValue()) + "d"; break;
    default: break;
    }
    wanted.next_update_due = next_->value();
    if (roundsAgreed_->GetValue())
        wanted.revision_rounds_agreed = rounds_->GetValue();
    return wanted;
}

bool ProjectDialog::save()
{
    // A date still being typed is read as leaving its field would read it.
    for (DateField* field : {deadline_, next_}) {
        const std::string typed = field->text()->GetValue().utf8_string();
        if (!field->commitTyped()) {
            showProblem(Error{ErrorCode::DateInvalid, typed, {}}.description(locale_));
            return false;
        }
    }
    if (const Status saved = session_.setProjectSettings(settings()); !saved) {
        showProblem(saved.error().description(locale_));
        return false;
    }
    return true;
}

void ProjectDialog::showProblem(const std::string& text)
{
    problem_->SetLabel(fromUtf8(text));
    problem_->Wrap(FromDIP(300));
    problem_->Show(!text.empty());
    Fit();
}

bool confirmRoundBeyondAgreed(wxWindow* parent, const Checklist& checklist, const std::locale& loc)
{
    if (!roundWouldExceedAgreed(checklist))
        return true;
    const int next = checklist.revision_rounds_used + 1;
    const int agreed = *checklist.revision_rounds_agreed;
    // TRANSLATORS: the warning before starting a round beyond those agreed; {1} the rounds agreed,
    // {2} the round that would start.
    wxMessageDialog warn(parent,
                         fromUtf8((bl::format(bl::translate("The client agreed to {1} revision round, and it is used.",
                                                            "The client agreed to {1} revision rounds, and all are used.",
                                                            agreed)) %
                                   agreed)
                                      .str(loc) +
                                  "\n" +
                                  (bl::format(bl::translate("Start round {1} anyway, beyond what was agreed?")) % next)
                                      .str(loc)),
                         translated(bl::translate("Start revision round"), loc),
                         wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
    warn.SetYesNoLabels(translated(bl::translate("Start &anyway"), loc), translated(bl::translate("Cancel"), loc));
    return showModal(warn) == wxID_YES;
}

bool askAndStartRound(wxWindow* parent, SidebarSession& session, const std::locale& loc, std::string& failure)
{
    failure.clear();
    if (!session.checklist() || session.readOnly())
        return false;
    const Checklist& checklist = *session.checklist();
    const int next = checklist.revision_rounds_used + 1;
    // TRANSLATORS: the question asked when starting a revision round; {1} is the round's number.
    wxTextEntryDialog ask(parent,
                          fromUtf8((bl::format(bl::translate("What is revision round {1} for?")) % next).str(loc)),
                          // TRANSLATORS: title of the dialog that starts a revision round.
                          translated(bl::translate("Start revision round"), loc));
    ask.SetName("rapport-round-purpose");
    ask.SetMaxLength(static_cast<unsigned long>(maxLength(TextField::RoundPurpose)));
    // Our own words on its buttons, not wx's stock labels.
    if (auto* ok = dynamic_cast<wxButton*>(ask.FindWindow(wxID_OK)))
        ok->SetLabel(translated(bl::translate("&Start"), loc));
    if (auto* cancel = dynamic_cast<wxButton*>(ask.FindWindow(wxID_CANCEL)))
        cancel->SetLabel(translated(bl::translate("Cancel"), loc));
    if (showModal(ask) != wxID_OK)
        return false;
    const std::string purpose = ask.GetValue().utf8_string();
    if (purpose.empty()) {
        failure = bl::translate("a revision round needs to say what it is for").str(loc);
        return false;
    }
    if (!confirmRoundBeyondAgreed(parent, checklist, loc))
        return false;
    if (const Status started = session.startRevisionRound(purpose); !started) {
        failure = started.error().description(loc);
        return false;
    }
    return true;
}

} // namespace rapport::ui
