#include "sidebar_session.h"

#include <algorithm>

namespace rapport {

SidebarSession::SidebarSession(std::filesystem::path store_file, TemplateLibrary templates)
    : storeFile_(std::move(store_file)), templates_(std::move(templates))
{
}

Status SidebarSession::openStore()
{
    auto opened = openStoreWithRecovery(storeFile_);
    if (!opened) {
        storeError_ = opened.error();
        store_.reset();
        return opened.error();
    }
    store_.emplace(std::move(opened.value().store));
    recoveryNotices_ = std::move(opened.value().notices);
    storeError_.reset();
    return reload();
}

Status SidebarSession::setActiveDocument(const std::string& path)
{
    documentPath_ = canonicalDocumentPath(path);
    return reload();
}

Status SidebarSession::reload()
{
    checklist_.reset();
    if (!store_ || documentPath_.empty())
        return {};
    auto loaded = store_->checklistFor(documentPath_);
    if (!loaded)
        return loaded.error();
    checklist_ = std::move(loaded.value());
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
    return store_->updateFingerprint(documentPath_);
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
    if (!store_)
        return storeError_ ? *storeError_ : Error{ErrorCode::StoreCannotOpen, storeFile_.string(), {}};
    if (documentPath_.empty())
        return Error{ErrorCode::InvalidArgument, template_key, "no active document"};
    const ChecklistTemplate* chosen = templates_.find(template_key);
    if (!chosen)
        return Error{ErrorCode::TemplateUnknown, template_key, {}};
    std::vector<NewItem> items;
    for (const auto& section : chosen->sections)
        for (const auto& item : section.items)
            items.push_back(NewItem{chosen->key, item.key, {}, section.key});
    auto attached = store_->attach(documentPath_, chosen->key, items);
    if (!attached)
        return attached.error();
    checklist_ = std::move(attached.value());
    return {};
}

Status SidebarSession::setDone(std::size_t index, bool done)
{
    if (!store_ || !checklist_ || index >= checklist_->items.size())
        return Error{ErrorCode::ItemUnknown, std::to_string(index), {}};
    ChecklistItem& item = checklist_->items[index];
    Status saved = store_->setDone(checklist_->document_id, item.id, done);
    if (saved)
        item.done = done; // shown as done only once it is committed
    return saved;
}

std::size_t SidebarSession::doneCount() const
{
    if (!checklist_)
        return 0;
    return static_cast<std::size_t>(
        std::count_if(checklist_->items.begin(), checklist_->items.end(), [](const auto& i) { return i.done; }));
}

SidebarSession::ItemText SidebarSession::itemText(const ChecklistItem& item) const
{
    if (item.template_key.empty())
        return {{}, item.custom_text, false};
    if (const TemplateItem* known = templates_.findItem(item.template_key, item.item_key))
        return {"template:" + item.template_key, known->title, true};
    // The template is gone (a user template deleted): show the keys rather than nothing.
    return {{}, item.template_key + " / " + item.item_key, false};
}

} // namespace rapport
