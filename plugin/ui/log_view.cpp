#include "log_view.h"

#include "checklist_view.h" // wrapForLabel
#include "log_dialogs.h"
#include "log_entries_view.h"
#include "log_words.h"
#include "modal.h"
#include "panel_actions.h"

#include <boost/locale/format.hpp>
#include <boost/locale/message.hpp>

#include <algorithm>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/wrapsizer.h>

namespace rapport::ui {

namespace bl = boost::locale;

namespace {

bool promiseIsOpen(PromiseState state)
{
    return state == PromiseState::Open || state == PromiseState::Reopened || state == PromiseState::Broken;
}

} // namespace

LogView::LogView(wxWindow* panel, wxSizer* column, PanelContext& context, ChangedSink changed, ShowItemSink showItem)
    : context_(context), changed_(std::move(changed)), showItem_(std::move(showItem))
{
    pane_ = new wxPanel(panel, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "rapport-log-pane");
    const int gap = panel->FromDIP(6);
    auto* inside = new wxBoxSizer(wxVERTICAL);
    // The checkbox goes under the kind when both do not fit on one line (Russian at 240 px).
    auto* filterRow = new wxWrapSizer(wxHORIZONTAL, wxEXTEND_LAST_ON_EACH_LINE);
    kindFilter_ = new wxChoice(pane_, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0, wxDefaultValidator,
                               "rapport-log-filter");
    openPromises_ = new wxCheckBox(pane_, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                                   wxDefaultValidator, "rapport-log-open-promises");
    filterRow->Add(kindFilter_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    filterRow->Add(openPromises_, 1, wxALIGN_CENTER_VERTICAL);
    inside->Add(filterRow, 0, wxEXPAND | wxBOTTOM, gap / 2);
    list_ = new LogEntriesView(pane_, "rapport-log-entries");
    inside->Add(list_, 1, wxEXPAND);
    empty_ = new wxStaticText(pane_, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "rapport-log-empty");
    inside->Add(empty_, 0, wxEXPAND | wxTOP, gap / 2);
    // The buttons wrap to a second row in a narrow pane rather than being cut.
    auto* buttons = new wxWrapSizer(wxHORIZONTAL);
    add_ = new wxButton(pane_, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                        "rapport-log-add");
    resolve_ = new wxButton(pane_, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                            "rapport-log-resolve");
    promise_ = new wxButton(pane_, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                            "rapport-log-go-to-promise");
    for (wxButton* button : {add_, resolve_, promise_})
        buttons->Add(button, 0, wxRIGHT | wxTOP, gap / 2);
    inside->Add(buttons, 0, wxEXPAND);
    pane_->SetSizer(inside);
    column->Add(pane_, 1, wxEXPAND | wxALL, gap);
    pane_->Hide();

    Relabeler& relabeler = context_.relabeler();
    // TRANSLATORS: button under the client log; opens the dialog that records what the client said.
    relabeler.label(add_, bl::translate("&Add…"));
    // TRANSLATORS: button under the client log: record how the selected entry was resolved.
    relabeler.label(resolve_, bl::translate("&Resolve…"));
    // TRANSLATORS: button under the client log: show the checklist item promised in the selected entry.
    relabeler.label(promise_, bl::translate("Go to &promise"));
    // TRANSLATORS: checkbox above the client log: show only entries whose promise is not kept yet.
    relabeler.label(openPromises_, bl::translate("Open &promises"));
    relabeler.tooltip(list_, bl::translate("Insert: add; Enter: resolve; Ctrl+Enter: go to the promise; "
                                           "Del: delete; Ctrl+Z: undo"));
    relabeler.custom([this](const std::locale& loc) { relabel(loc); });

    kindFilter_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { context_.guarded([&] { refresh(); }); });
    openPromises_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { context_.guarded([&] { refresh(); }); });
    list_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent&) { context_.guarded([&] { showButtons(); }); });
    list_->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent&) { context_.guarded([&] { resolveSelected(); }); });
    list_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& event) {
        bool handled = false;
        context_.guarded([&] { onKey(event.GetKeyCode(), event.GetModifiers(), handled); });
        if (!handled)
            event.Skip();
    });
    add_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { context_.guarded([&] { addEntry(); }); });
    resolve_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { context_.guarded([&] { resolveSelected(); }); });
    promise_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { context_.guarded([&] { goToPromise(); }); });
}

void LogView::relabel(const std::locale& loc)
{
    const int chosen = std::max(kindFilter_->GetSelection(), 0);
    kindFilter_->Clear();
    // TRANSLATORS: the client log's filter: every kind of entry.
    kindFilter_->Append(translated(bl::translate("log filter", "All entries"), loc));
    for (LogKind kind : kLogKinds)
        kindFilter_->Append(fromUtf8(logKindName(kind, loc)));
    kindFilter_->SetSelection(chosen);
    // TRANSLATORS: what a screen reader calls the list of client log entries.
    list_->SetHelpText(translated(bl::translate("Client log entries"), loc));
    // The pane's buttons and filters have new texts: laid out again now if shown, else
    // when next shown (the panel lays the pane out only when its size changes).
    layoutPending_ = true;
    if (pane_->IsShown())
        refresh();
}

bool LogView::show(bool shown)
{
    const bool changed = pane_->Show(shown);
    if (shown && changed)
        refresh();
    return changed;
}

void LogView::layOutIfPending()
{
    if (layoutPending_ && pane_->IsShown()) {
        layoutPending_ = false;
        pane_->Layout();
    }
}

bool LogView::shown() const { return pane_->IsShown(); }

void LogView::showReadOnly(bool read_only)
{
    readOnly_ = read_only;
    showButtons();
}

void LogView::showButtons()
{
    const std::int64_t selected = list_->selectedId();
    const LogEntry* entry = selected ? context_.session().logEntry(selected) : nullptr;
    add_->Enable(!readOnly_);
    resolve_->Enable(!readOnly_ && entry);
    promise_->Enable(entry && entry->promise_item_id != 0);
}

void LogView::refresh()
{
    const SidebarSession& session = context_.session();
    const std::locale& loc = context_.locale();
    const std::string today = context_.today();
    const int kindChoice = kindFilter_->GetSelection();
    const std::optional<LogKind> kind =
        kindChoice > 0 ? std::optional<LogKind>(kLogKinds[static_cast<std::size_t>(kindChoice - 1)]) : std::nullopt;
    const bool openOnly = openPromises_->GetValue();
    std::vector<LogViewRow> rows;
    const auto& log = session.clientLog();
    // Newest first: the last conversation is the one the user comes back to.
    for (auto at = log.rbegin(); at != log.rend(); ++at) {
        const LogEntry& entry = *at;
        if (kind && entry.kind != *kind)
            continue;
        const std::optional<PromiseState> state = session.promiseState(entry, today);
        if (openOnly && !(state && promiseIsOpen(*state)))
            continue;
        LogViewRow row;
        row.id = entry.id;
        row.uid = entry.uid;
        const std::string date = context_.formattedDate(std::string(logDate(entry))).utf8_string();
        std::string heading = std::to_string(entry.id) + ". " + date + " " + entry.when.substr(11) + " · " +
                              logChannelName(entry.channel, loc);
        if (!entry.who.empty())
            heading += " · " + entry.who;
        row.paragraphs.push_back({LogParagraph::Style::Heading, fromUtf8(heading)});
        std::string label = logKindName(entry.kind, loc);
        if (const std::string outcome = outcomeText(entry.outcome, loc); !outcome.empty())
            label += " · " + outcome;
        if (entry.internal)
            // TRANSLATORS: a client log entry the client never sees in a report.
            label += " · " + bl::translate("log entry", "internal").str(loc);
        row.paragraphs.push_back({LogParagraph::Style::Label, fromUtf8(label)});
        row.paragraphs.push_back({LogParagraph::Style::Text, fromUtf8(entry.said)});
        if (!entry.answer.empty())
            // TRANSLATORS: in the client log; {1} is what we answered, in the user's words.
            row.paragraphs.push_back({LogParagraph::Style::Detail,
                                      fromUtf8((bl::format(bl::translate("Our answer: {1}")) % entry.answer).str(loc))});
        if (state) {
            const auto& items = session.checklist()->items;
            const auto item = std::find_if(items.begin(), items.end(),
                                           [&](const ChecklistItem& i) { return i.id == entry.promise_item_id; });
            std::string text;
            if (item == items.end())
                text = promiseStateText(*state, loc);
            else if (item->due.empty())
                // TRANSLATORS: in the client log; {1} what we promised, {2} where it stands ("kept on time").
                text = (bl::format(bl::translate("We promised: {1} ({2})")) % session.itemTitle(*item, loc) %
                        promiseStateText(*state, loc))
                           .str(loc);
            else
                // TRANSLATORS: in the client log; {1} what we promised, {2} its date, {3} where it stands.
                text = (bl::format(bl::translate("We promised: {1}, by {2} ({3})")) % session.itemTitle(*item, loc) %
                        context_.formattedDate(item->due).utf8_string() % promiseStateText(*state, loc))
                           .str(loc);
            row.paragraphs.push_back(
                {*state == PromiseState::Broken ? LogParagraph::Style::Alert : LogParagraph::Style::Text, fromUtf8(text)});
        }
        if (!entry.decline_reason.empty())
            // TRANSLATORS: in the client log; {1} is why a change request was declined.
            row.paragraphs.push_back({LogParagraph::Style::Detail,
                                      fromUtf8((bl::format(bl::translate("Declined because: {1}")) % entry.decline_reason)
                                                   .str(loc))});
        if (!entry.resolution.empty())
            // TRANSLATORS: in the client log; {1} is how the entry was resolved, in the user's words.
            row.paragraphs.push_back({LogParagraph::Style::Detail,
                                      fromUtf8((bl::format(bl::translate("Resolved: {1}")) % entry.resolution).str(loc))});
        rows.push_back(std::move(row));
    }
    const bool none = rows.empty();
    list_->setRows(std::move(rows));
    if (list_->GetSelection() < 0 && !list_->rows().empty())
        list_->SetSelection(0);
    std::string emptyText;
    if (none)
        emptyText = log.empty()
                        // TRANSLATORS: the client log is empty; Ctrl+Alt+Shift+J is the key that adds an entry.
                        ? (bl::format(bl::translate("Nothing logged yet. Record what the client asks, and what you "
                                                    "promise, with Add… ({1}).")) %
                           panelActionKeyText("log-entry"))
                              .str(loc)
                        // TRANSLATORS: the client log's filter hides every entry.
                        : bl::translate("No entry matches the filter.").str(loc);
    const wxString wrapped = wrapForLabel(*empty_, fromUtf8(emptyText), std::max(pane_->GetClientSize().x, 120));
    if (empty_->GetLabelText() != wrapped)
        empty_->SetLabelText(wrapped);
    if (empty_->Show(none))
        layoutPending_ = true;
    showButtons();
    layOutIfPending();
}

void LogView::addEntry()
{
    if (readOnly_ || context_.session().view() != SidebarSession::View::Checklist)
        return;
    LogEntryDialog dialog(pane_, context_.session(), context_.language(), context_.locale());
    if (showModal(dialog) != wxID_OK)
        return;
    const std::int64_t id = dialog.savedId();
    changed_(Status{}, "log-added\t" + std::to_string(id));
    refresh();
    list_->selectId(id);
    showButtons();
    list_->SetFocus();
}

void LogView::resolveSelected()
{
    const LogEntry* entry = context_.session().logEntry(list_->selectedId());
    if (readOnly_ || !entry)
        return;
    const LogEntry chosen = *entry;
    LogResolveDialog dialog(pane_, context_.session(), chosen, context_.locale());
    if (showModal(dialog) != wxID_OK)
        return;
    changed_(Status{}, "log-resolved\t" + std::to_string(chosen.id));
    refresh();
    list_->selectId(chosen.id);
    list_->SetFocus();
}

void LogView::deleteSelected()
{
    const std::int64_t id = list_->selectedId();
    if (readOnly_ || id == 0)
        return;
    const int row = list_->GetSelection();
    const Status deleted = context_.session().deleteLogEntry(id);
    changed_(deleted, deleted ? "log-deleted\t" + std::to_string(id) : std::string());
    refresh();
    if (!list_->rows().empty())
        list_->SetSelection(std::min(row, static_cast<int>(list_->rows().size()) - 1));
    showButtons();
}

void LogView::goToPromise()
{
    const LogEntry* entry = context_.session().logEntry(list_->selectedId());
    if (entry && entry->promise_item_id != 0)
        showItem_(entry->promise_item_id);
}

void LogView::focusList() { list_->SetFocus(); }

void LogView::onKey(int key, int modifiers, bool& handled)
{
    handled = true;
    if (key == WXK_INSERT && modifiers == wxMOD_NONE)
        addEntry();
    else if ((key == WXK_RETURN || key == WXK_NUMPAD_ENTER) && modifiers == wxMOD_NONE)
        resolveSelected();
    else if ((key == WXK_RETURN || key == WXK_NUMPAD_ENTER) && modifiers == wxMOD_CONTROL)
        goToPromise();
    else if (key == WXK_DELETE && modifiers == wxMOD_NONE)
        deleteSelected();
    else
        handled = false;
}

} // namespace rapport::ui
