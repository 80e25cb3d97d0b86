// The session's side of sharing a checklist with the team (sharing.h): share and stop,
// follow the active document's sidecar, and keep the selection across a refresh.
#include "sidebar_session.h"

namespace rapport {

namespace {

Error noStore(const std::optional<Error>& error, const std::filesystem::path& file)
{
    return error ? *error : Error{ErrorCode::StoreCannotOpen, file.string(), {}};
}

} // namespace

Result<SyncReport> SidebarSession::share()
{
    if (Status ready = requireChecklist(); !ready)
        return ready.error();
    store_->setAuthor(sharing_->authorFor(documentPath_, true));
    auto shared = sharing_->share(documentPath_);
    if (Status reloaded = reload(); !reloaded)
        return reloaded.error();
    return shared;
}

Status SidebarSession::unshare()
{
    if (Status ready = requireChecklist(); !ready)
        return ready;
    Status stopped = sharing_->unshare(documentPath_);
    sharing_->useAuthorFor(documentPath_);
    Status reloaded = reload();
    return stopped ? reloaded : stopped;
}

bool SidebarSession::sidecarChanged() const
{
    return sharing_ && !documentPath_.empty() && sharing_->changedOnDisk(documentPath_);
}

Result<SyncReport> SidebarSession::syncShared()
{
    if (!store_ || !sharing_)
        return noStore(storeError_, storeFile_);
    if (documentPath_.empty())
        return SyncReport{};
    // The selected item, by the uid that every replica shares: its local id may change.
    std::string selectedUid;
    if (const auto selected = selectedItem(); selected && checklist_)
        for (const auto& item : checklist_->items)
            if (item.id == *selected)
                selectedUid = item.uid;
    auto report = sharing_->sync(documentPath_);
    if (!report) {
        static_cast<void>(reload());
        return report.error();
    }
    sharing_->useAuthorFor(documentPath_);
    if (Status reloaded = reload(); !reloaded)
        return reloaded.error();
    if (checklist_ && (report.value().merged > 0 || report.value().joined))
        histories_.erase(checklist_->document_id); // its steps name ids that may be other items' now
    if (!selectedUid.empty() && checklist_)
        for (const auto& item : checklist_->items)
            if (item.uid == selectedUid)
                selectItem(item.id);
    return report;
}

std::optional<SyncReport> SidebarSession::takeSyncReport()
{
    std::optional<SyncReport> report = std::move(pendingSync_);
    pendingSync_.reset();
    return report;
}

bool SidebarSession::settleShared()
{
    if (!sharing_ || sharing_->settle() == 0)
        return false;
    if (checklist_) // as after any refresh that brought others' changes
        histories_.erase(checklist_->document_id);
    return true;
}

bool SidebarSession::sharedUnsettled() const { return sharing_ && sharing_->unsettled(); }

void SidebarSession::followSidecar()
{
    pendingSync_.reset();
    if (!sharing_ || documentPath_.empty())
        return;
    // One stat for a document whose sidecar is as it was (or that has none).
    if (sharing_->changedOnDisk(documentPath_)) {
        auto report = sharing_->sync(documentPath_);
        if (report && (report.value().joined || report.value().merged > 0 || report.value().bad_lines > 0 ||
                       report.value().future_version || report.value().file_error ||
                       !report.value().overridden.empty() || report.value().markers_repaired ||
                       report.value().copies_folded > 0 || report.value().unjoined_sidecar))
            pendingSync_ = report.value();
        if (report && report.value().merged > 0)
            if (auto id = store_->documentIdOf(documentPath_); id && id.value())
                histories_.erase(*id.value());
    }
    sharing_->useAuthorFor(documentPath_);
}

} // namespace rapport
