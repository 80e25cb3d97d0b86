#include "sidebar_session.h"

#include "output_path.h"

#include "calendar.h"
#include "item_text.h"
#include "localization.h"
#include "msgid.h"

#include <boost/locale/message.hpp>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <memory>

namespace rapport {

SidebarSession::SidebarSession(std::filesystem::path store_file, TemplateLibrary templates)
    : storeFile_(std::move(store_file)), templates_(std::move(templates))
{
}

SidebarSession::~SidebarSession() = default;

Status SidebarSession::openStore()
{
    sharing_.reset(); // it refers to the store being replaced
    auto opened = openStoreWithRecovery(storeFile_);
    if (!opened) {
        storeError_ = opened.error();
        store_.reset();
        return opened.error();
    }
    store_.emplace(std::move(opened.value().store));
    sharing_ = std::make_unique<Sharing>(*store_);
    recoveryNotices_ = std::move(opened.value().notices);
    storeError_.reset();
    return reload();
}

Status SidebarSession::setActiveDocument(const std::string& path)
{
    documentPath_ = canonicalDocumentPath(path);
    followSidecar();
    return reload();
}

Status SidebarSession::reload()
{
    checklist_.reset();
    log_.clear();
    logHistory_.clear();
    shareStatus_ = {};
    if (!store_ || documentPath_.empty())
        return {};
    auto loaded = store_->checklistFor(documentPath_);
    if (!loaded)
        return loaded.error();
    checklist_ = std::move(loaded.value());
    if (checklist_) {
        auto log = store_->clientLog(checklist_->document_id);
        if (!log)
            return log.error();
        log_ = std::move(log.value());
        // A promise is judged from when its item was done, which only the history knows.
        if (std::any_of(log_.begin(), log_.end(), [](const LogEntry& e) { return e.promise_item_id != 0; })) {
            auto history = store_->promiseHistory(checklist_->document_id);
            if (!history)
                return history.error();
            logHistory_ = std::move(history.value());
        }
    }
    shareStatus_ = checklist_ && sharing_ ? sharing_->status(checklist_->document_id) : ShareStatus{};
    return {};
}

Status SidebarSession::documentRenamed(const std::string& old_path, const std::string& new_path)
{
    const std::string from = canonicalDocumentPath(old_path);
    const std::string to = canonicalDocumentPath(new_path);
    if (from == documentPath_)
        documentPath_ = to;
    if (!store_)
        return {};
    // The checklist belongs to the document, not to its old name.
    Status moved = store_->renameDocument(from, to);
    if (!moved)
        return moved;
    return to == documentPath_ ? reload() : Status{};
}

Status SidebarSession::documentSaved(const std::string& path)
{
    if (!store_ || !checklist_ || canonicalDocumentPath(path) != documentPath_)
        return {}; // documents without a checklist cost nothing
    if (store_->readOnly())
        return {}; // bookkeeping only: the panel already says why nothing can be saved
    return store_->updateFingerprint(documentPath_);
}

Status SidebarSession::checkOutputFile(const std::filesystem::path& file)
{
    ProtectedPaths guarded = rapportDataPaths(storeFile_);
    if (store_) {
        auto known = protectedPathsOf(*store_);
        if (!known)
            return known.error();
        guarded = std::move(known.value());
    }
    return checkOutputPath(file, guarded);
}

const std::optional<Error>& SidebarSession::readOnly() const noexcept
{
    static const std::optional<Error> writable;
    return store_ ? store_->readOnly() : writable;
}

SidebarSession::View SidebarSession::view() const noexcept
{
    if (!store_)
        return View::StoreUnavailable;
    if (documentPath_.empty())
        return View::NoDocument;
    return checklist_ ? View::Checklist : View::NoChecklist;
}

std::string SidebarSession::documentName() const
{
    return std::filesystem::path(documentPath_).filename().string();
}

Status SidebarSession::attachTemplate(const std::string& template_key)
{
    return attachTemplates({template_key});
}

namespace {

// The items of `chosen`, section by section, as the store takes them.
void appendTemplateItems(const ChecklistTemplate& chosen, std::vector<NewItem>& items)
{
    for (const auto& section : chosen.sections)
        for (const auto& item : section.items)
            items.push_back(NewItem{chosen.key, item.key, {}, section.key});
}

constexpr std::size_t kUndoDepth = 100;
// Selections remembered across sessions: enough for every document a user keeps open.
constexpr std::size_t kRememberedSelections = 200;

} // namespace

Status SidebarSession::attachTemplates(const std::vector<std::string>& template_keys)
{
    if (!store_)
        return storeError_ ? *storeError_ : Error{ErrorCode::StoreCannotOpen, storeFile_.string(), {}};
    if (documentPath_.empty())
        return Error{ErrorCode::InvalidArgument, {}, "no active document"};
    std::vector<NewItem> items;
    std::string combinedKey;
    for (const std::string& key : template_keys) {
        const ChecklistTemplate* chosen = templates_.find(key);
        if (!chosen)
            return Error{ErrorCode::TemplateUnknown, key, {}};
        appendTemplateItems(*chosen, items);
        combinedKey += (combinedKey.empty() ? "" : "+") + chosen->key;
    }
    auto attached = store_->attach(documentPath_, combinedKey, items);
    if (!attached)
        return attached.error();
    checklist_ = std::move(attached.value());
    return {};
}

Status SidebarSession::addTemplate(const std::string& template_key)
{
    if (Status ready = requireChecklist(); !ready)
        return ready;
    const ChecklistTemplate* chosen = templates_.find(template_key);
    if (!chosen)
        return Error{ErrorCode::TemplateUnknown, template_key, {}};
    std::vector<NewItem> items;
    appendTemplateItems(*chosen, items);
    Status added = store_->addTemplateItems(checklist_->document_id, items);
    if (!added)
        return added;
    return reload();
}

Status SidebarSession::requireChecklist() const
{
    if (!store_)
        return storeError_ ? *storeError_ : Error{ErrorCode::StoreCannotOpen, storeFile_.string(), {}};
    if (!checklist_)
        return Error{ErrorCode::DocumentUnknown, documentPath_, "no checklist is attached"};
    return {};
}

Status SidebarSession::requireItem(std::int64_t item_id) const
{
    if (Status ready = requireChecklist(); !ready)
        return ready;
    if (!findItem(item_id))
        return Error{ErrorCode::ItemUnknown, std::to_string(item_id), {}};
    return {};
}

const ChecklistItem* SidebarSession::findItem(std::int64_t item_id) const
{
    if (!checklist_)
        return nullptr;
    for (const auto& item : checklist_->items)
        if (item.id == item_id)
            return &item;
    return nullptr;
}

std::optional<std::size_t> SidebarSession::indexOfItem(std::int64_t item_id) const
{
    if (!checklist_)
        return std::nullopt;
    for (std::size_t i = 0; i < checklist_->items.size(); ++i)
        if (checklist_->items[i].id == item_id)
            return i;
    return std::nullopt;
}

SidebarSession::UndoHistory* SidebarSession::activeHistory()
{
    return checklist_ ? &histories_[checklist_->document_id] : nullptr;
}

const SidebarSession::UndoHistory* SidebarSession::activeHistory() const
{
    if (!checklist_)
        return nullptr;
    const auto found = histories_.find(checklist_->document_id);
    return found == histories_.end() ? nullptr : &found->second;
}

Result<std::vector<Change>> SidebarSession::change(std::string_view undo_name, std::vector<Change> batch)
{
    if (Status ready = requireChecklist(); !ready)
        return ready.error();
    for (Change& one : batch)
        one.document_id = checklist_->document_id;
    auto applied = store_->apply(std::move(batch));
    if (!applied) {
        static_cast<void>(reload()); // show what the store holds
        return applied.error();
    }
    UndoStep step{std::string(undo_name), {}};
    for (const Change& one : applied.value())
        if (one.recorded())
            step.applied.push_back(one);
    if (UndoHistory* history = activeHistory(); history && !step.applied.empty()) {
        history->done.push_back(std::move(step));
        if (history->done.size() > kUndoDepth)
            history->done.erase(history->done.begin());
        history->undone.clear();
    }
    if (Status reloaded = reload(); !reloaded)
        return reloaded.error();
    return applied;
}

Status SidebarSession::change(std::string_view undo_name, Change one)
{
    std::vector<Change> batch;
    batch.push_back(std::move(one));
    auto applied = change(undo_name, std::move(batch));
    return applied ? Status{} : Status{applied.error()};
}

Status SidebarSession::setStatus(std::int64_t item_id, ItemStatus status, const std::string& reason)
{
    if (Status known = requireItem(item_id); !known)
        return known;
    auto applied = change(N_("Change status"), changes::status(0, item_id, status, reason, nowSeconds()));
    return applied ? Status{} : Status{applied.error()};
}

Status SidebarSession::setDue(std::int64_t item_id, const std::string& due)
{
    if (Status known = requireItem(item_id); !known)
        return known;
    return change(N_("Change due date"), changes::itemField(ChangeKind::Due, 0, item_id, due));
}

Status SidebarSession::setOwner(std::int64_t item_id, Owner owner)
{
    if (Status known = requireItem(item_id); !known)
        return known;
    return change(N_("Change owner"), changes::itemField(ChangeKind::Owner, 0, item_id, owner == Owner::Client ? "1" : "0"));
}

Status SidebarSession::setNote(std::int64_t item_id, const std::string& note)
{
    if (Status known = requireItem(item_id); !known)
        return known;
    return change(N_("Edit note"), changes::itemField(ChangeKind::Note, 0, item_id, note));
}

Status SidebarSession::setInternal(std::int64_t item_id, bool internal)
{
    if (Status known = requireItem(item_id); !known)
        return known;
    return change(N_("Change visibility"), changes::itemField(ChangeKind::Internal, 0, item_id, internal ? "1" : "0"));
}

Status SidebarSession::renameItem(std::int64_t item_id, const std::string& text)
{
    if (Status known = requireItem(item_id); !known)
        return known;
    return change(N_("Rename item"), changes::itemField(ChangeKind::ItemText, 0, item_id, text));
}

Result<std::int64_t> SidebarSession::addItem(std::int64_t section_id, const std::string& text)
{
    Change added = changes::itemField(ChangeKind::ItemAdded, 0, 0, text);
    added.section_id = section_id;
    auto applied = change(N_("Add item"), std::vector<Change>{std::move(added)});
    if (!applied)
        return applied.error();
    return applied.value().front().item_id;
}

Status SidebarSession::deleteItem(std::int64_t item_id)
{
    return change(N_("Delete item"), changes::itemField(ChangeKind::ItemDeleted, 0, item_id, {}));
}

Status SidebarSession::moveItem(std::int64_t item_id, int step)
{
    if (Status known = requireItem(item_id); !known)
        return known;
    const ChecklistItem* item = findItem(item_id);
    const auto& sections = checklist_->sections;
    const std::int64_t fromSection = item->section_id;
    std::vector<std::int64_t> siblings;
    for (const auto& other : checklist_->items)
        if (other.section_id == fromSection)
            siblings.push_back(other.id);
    const auto fromIndex =
        static_cast<std::size_t>(std::find(siblings.begin(), siblings.end(), item_id) - siblings.begin());
    std::int64_t toSection = fromSection;
    std::size_t toIndex = fromIndex;
    if (step < 0 && fromIndex > 0) {
        toIndex = fromIndex - 1;
    } else if (step > 0 && fromIndex + 1 < siblings.size()) {
        toIndex = fromIndex + 1;
    } else {
        // At a section's edge the item crosses into the neighbouring section.
        const auto here = std::find_if(sections.begin(), sections.end(),
                                       [&](const ChecklistSection& s) { return s.id == fromSection; });
        if (here == sections.end())
            return {};
        if (step < 0 && here != sections.begin()) {
            toSection = std::prev(here)->id;
            toIndex = static_cast<std::size_t>(std::count_if(checklist_->items.begin(), checklist_->items.end(),
                                                             [&](const auto& i) { return i.section_id == toSection; }));
        } else if (step > 0 && std::next(here) != sections.end()) {
            toSection = std::next(here)->id;
            toIndex = 0;
        } else {
            return {}; // first or last of all: nowhere to go
        }
    }
    Change moved = changes::itemField(ChangeKind::ItemMoved, 0, item_id, {});
    moved.section_id = toSection;
    moved.index = toIndex;
    return change(N_("Move item"), std::move(moved));
}

Result<std::int64_t> SidebarSession::makeCustomCopy(std::int64_t item_id, const std::string& text)
{
    if (Status known = requireItem(item_id); !known)
        return known.error();
    const ChecklistItem original = *findItem(item_id);
    std::size_t place = 0;
    for (const auto& other : checklist_->items) {
        if (other.id == item_id)
            break;
        if (other.section_id == original.section_id)
            ++place;
    }
    // One transaction: the copy takes the original's place and fields, and the original
    // goes; should anything fail, nothing happened.
    constexpr std::int64_t copy = Change::kAddedInBatch;
    std::vector<Change> batch;
    Change added = changes::itemField(ChangeKind::ItemAdded, 0, 0, text);
    added.section_id = original.section_id;
    batch.push_back(std::move(added));
    Change moved = changes::itemField(ChangeKind::ItemMoved, 0, copy, {});
    moved.section_id = original.section_id;
    moved.index = place;
    batch.push_back(std::move(moved));
    for (Change& status : changes::status(0, copy, original.status, original.status_reason, nowSeconds()))
        batch.push_back(std::move(status));
    batch.push_back(changes::itemField(ChangeKind::Due, 0, copy, original.due));
    batch.push_back(changes::itemField(ChangeKind::Owner, 0, copy, original.owner == Owner::Client ? "1" : "0"));
    batch.push_back(changes::itemField(ChangeKind::Note, 0, copy, original.note));
    batch.push_back(changes::itemField(ChangeKind::Internal, 0, copy, original.internal ? "1" : "0"));
    batch.push_back(changes::itemField(ChangeKind::ItemDeleted, 0, item_id, {}));
    auto applied = change(N_("Make a custom copy"), std::move(batch));
    if (!applied)
        return applied.error();
    return applied.value().front().item_id;
}

Result<std::int64_t> SidebarSession::addSection(const std::string& title)
{
    Change added;
    added.kind = ChangeKind::SectionAdded;
    added.new_value = title;
    auto applied = change(N_("Add section"), std::vector<Change>{std::move(added)});
    if (!applied)
        return applied.error();
    return applied.value().front().section_id;
}

Status SidebarSession::renameSection(std::int64_t section_id, const std::string& title)
{
    Change renamed;
    renamed.kind = ChangeKind::SectionTitle;
    renamed.section_id = section_id;
    renamed.new_value = title;
    return change(N_("Rename section"), std::move(renamed));
}

Status SidebarSession::deleteSection(std::int64_t section_id)
{
    Change deleted;
    deleted.kind = ChangeKind::SectionDeleted;
    deleted.section_id = section_id;
    return change(N_("Delete section"), std::move(deleted));
}

Status SidebarSession::moveSection(std::int64_t section_id, int step)
{
    if (Status ready = requireChecklist(); !ready)
        return ready;
    const auto& sections = checklist_->sections;
    const auto here =
        std::find_if(sections.begin(), sections.end(), [&](const ChecklistSection& s) { return s.id == section_id; });
    if (here == sections.end())
        return Error{ErrorCode::InvalidArgument, std::to_string(section_id), "no such section"};
    const auto from = static_cast<std::size_t>(here - sections.begin());
    if ((step < 0 && from == 0) || (step > 0 && from + 1 >= sections.size()) || step == 0)
        return {};
    Change moved;
    moved.kind = ChangeKind::SectionMoved;
    moved.section_id = section_id;
    moved.index = step < 0 ? from - 1 : from + 1;
    return change(N_("Move section"), std::move(moved));
}

Status SidebarSession::replay(std::vector<Change>& applied)
{
    // The inverse of each change, last first; what the store then recorded is what the
    // next undo or redo inverts again.
    std::vector<Change> inverse;
    for (auto it = applied.rbegin(); it != applied.rend(); ++it)
        if (std::optional<Change> undoing = inverseOf(*it))
            inverse.push_back(std::move(*undoing));
    auto done = store_->apply(std::move(inverse));
    if (!done)
        return done.error();
    applied.clear();
    for (Change& one : done.value())
        if (one.recorded())
            applied.push_back(std::move(one));
    return {};
}

Status SidebarSession::undo()
{
    UndoHistory* history = activeHistory();
    if (!history || history->done.empty())
        return {};
    UndoStep step = std::move(history->done.back());
    history->done.pop_back();
    const Status reverted = replay(step.applied);
    if (reverted)
        history->undone.push_back(std::move(step));
    const Status reloaded = reload();
    return reverted ? reloaded : reverted;
}

Status SidebarSession::redo()
{
    UndoHistory* history = activeHistory();
    if (!history || history->undone.empty())
        return {};
    UndoStep step = std::move(history->undone.back());
    history->undone.pop_back();
    const Status again = replay(step.applied);
    if (again)
        history->done.push_back(std::move(step));
    const Status reloaded = reload();
    return again ? reloaded : again;
}

bool SidebarSession::canUndo() const
{
    const UndoHistory* history = activeHistory();
    return history && !history->done.empty();
}

bool SidebarSession::canRedo() const
{
    const UndoHistory* history = activeHistory();
    return history && !history->undone.empty();
}

std::string SidebarSession::undoName() const { return canUndo() ? activeHistory()->done.back().name : std::string(); }

std::string SidebarSession::redoName() const { return canRedo() ? activeHistory()->undone.back().name : std::string(); }

std::string SidebarSession::itemTitle(const ChecklistItem& item, const std::locale& loc) const
{
    return rapport::itemTitle(templates_, item, loc);
}

std::string SidebarSession::sectionTitle(const ChecklistSection& section, const std::locale& loc) const
{
    return rapport::sectionTitle(templates_, section, loc);
}

const TemplateItem* SidebarSession::templateItem(const ChecklistItem& item) const
{
    if (item.template_key.empty())
        return nullptr;
    return templates_.findItem(item.template_key, item.item_key);
}

std::vector<ChecklistRow> SidebarSession::rows(const ItemFilter& filter, const Localization& localization,
                                               Language language, const std::string& today) const
{
    std::vector<ChecklistRow> shown;
    if (!checklist_)
        return shown;
    const std::locale& loc = localization.locale(language);
    const auto matches = [&](const ChecklistItem& item) {
        if (filter.status && item.status != *filter.status)
            return false;
        if (filter.owner && item.owner != *filter.owner)
            return false;
        if (filter.overdue_only && !isOverdue(item, today))
            return false;
        if (filter.text.empty())
            return true;
        return localization.containsIgnoringCase(language, itemTitle(item, loc), filter.text) ||
               localization.containsIgnoringCase(language, item.note, filter.text) ||
               localization.containsIgnoringCase(language, item.status_reason, filter.text);
    };
    const auto& items = checklist_->items;
    std::vector<bool> placed(items.size(), false);
    const bool filtering = filter.active();
    for (std::size_t s = 0; s < checklist_->sections.size(); ++s) {
        const std::int64_t sectionId = checklist_->sections[s].id;
        const std::size_t headingAt = shown.size();
        bool any = false;
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (items[i].section_id != sectionId)
                continue;
            placed[i] = true;
            if (!matches(items[i]))
                continue;
            if (!any) {
                shown.insert(shown.begin() + static_cast<std::ptrdiff_t>(headingAt), {ChecklistRow::Kind::Section, s});
                any = true;
            }
            shown.push_back({ChecklistRow::Kind::Item, i});
        }
        if (!any && !filtering)
            shown.push_back({ChecklistRow::Kind::Section, s}); // an empty section still shows, to add to it
    }
    for (std::size_t i = 0; i < items.size(); ++i) // items whose section is gone are never hidden
        if (!placed[i] && matches(items[i]))
            shown.push_back({ChecklistRow::Kind::Item, i});
    return shown;
}

Result<ReportContent> SidebarSession::buildReport(Language language, const std::string& summary,
                                                  const std::string& next_steps, const std::string& today,
                                                  std::int64_t now)
{
    if (Status ready = requireChecklist(); !ready)
        return ready.error();
    auto history = store_->history(checklist_->document_id);
    if (!history)
        return history.error();
    auto previous = store_->reports(checklist_->document_id);
    if (!previous)
        return previous.error();
    ReportRequest request;
    request.language = language;
    request.summary = summary;
    request.next_steps = next_steps;
    request.today = today;
    request.now = now;
    if (!previous.value().empty()) // "completed since the last report"
        request.previous_report_at = previous.value().front().made_at;
    auto log = store_->clientLog(checklist_->document_id); // "you asked -> we did", promises kept
    if (!log)
        return log.error();
    request.client_log = std::move(log.value());
    return rapport::buildReport(*checklist_, history.value(), templates_, Localization::shared(), request);
}

Result<std::int64_t> SidebarSession::keepReport(std::int64_t document_id, const ReportContent& report,
                                                ReportFormat format, std::int64_t made_at)
{
    if (!store_)
        return storeError_ ? *storeError_ : Error{ErrorCode::StoreCannotOpen, storeFile_.string(), {}};
    return store_->saveReport(document_id,
                              Store::StoredReport{0, made_at, std::string(languageCode(report.language)),
                                                  std::string(reportFormatKeyword(format)), reportToXml(report)});
}

Result<std::vector<Store::StoredReport>> SidebarSession::reports()
{
    if (Status ready = requireChecklist(); !ready)
        return ready.error();
    return store_->reports(checklist_->document_id);
}

std::optional<Language> SidebarSession::lastReportLanguage()
{
    if (!store_ || !checklist_)
        return std::nullopt;
    auto last = store_->lastReportLanguage(checklist_->document_id);
    if (!last || !last.value())
        return std::nullopt;
    return parseLanguage(*last.value());
}

std::optional<std::int64_t> SidebarSession::selectedItem() const
{
    const auto found = selections_.find(documentPath_);
    if (found == selections_.end())
        return std::nullopt;
    return found->second;
}

void SidebarSession::selectItem(std::optional<std::int64_t> item_id)
{
    if (documentPath_.empty())
        return;
    if (item_id)
        selections_[documentPath_] = *item_id;
    else
        selections_.erase(documentPath_);
}

Status SidebarSession::toggleDone(std::int64_t item_id)
{
    const ChecklistItem* item = findItem(item_id);
    if (!item)
        return requireChecklist() ? Status{Error{ErrorCode::ItemUnknown, std::to_string(item_id), {}}} : requireChecklist();
    return setStatus(item_id, item->status == ItemStatus::Done ? ItemStatus::ToDo : ItemStatus::Done);
}

std::string SidebarSession::savedSelections() const
{
    std::string text;
    std::size_t kept = 0;
    for (const auto& [path, id] : selections_) {
        if (++kept > kRememberedSelections)
            break;
        text += path + "\t" + std::to_string(id) + "\n";
    }
    return text;
}

void SidebarSession::restoreSavedSelections(const std::string& text)
{
    selections_.clear();
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        const std::string line = text.substr(start, end - start);
        const auto tab = line.rfind('\t');
        if (tab != std::string::npos && tab > 0)
            selections_[line.substr(0, tab)] = std::strtoll(line.c_str() + tab + 1, nullptr, 10);
        start = end + 1;
    }
}

std::size_t SidebarSession::doneCount() const
{
    if (!checklist_)
        return 0;
    return static_cast<std::size_t>(std::count_if(checklist_->items.begin(), checklist_->items.end(),
                                                  [](const auto& i) { return i.status == ItemStatus::Done; }));
}

} // namespace rapport
