#include "sidecar_watch.h"

#include "contained.h"

namespace rapport::ui {

namespace {

// Appended lines are sorted into place after about a second without a new one.
constexpr int kSettleAfterTicks = 3;

} // namespace

SidecarWatch::SidecarWatch(SidebarSession& session, std::function<void()> changed,
                           std::function<void(const std::string&)> failed)
    : session_(session), changed_(std::move(changed)), failed_(std::move(failed))
{
    Start(kPollMilliseconds);
}

SidecarWatch::~SidecarWatch() { Stop(); }

void SidecarWatch::Notify()
{
    runContained([&] { check(); }, [&](const std::string& what) { failed_(what); });
}

void SidecarWatch::check()
{
    if (session_.sidecarChanged()) {
        unsettledTicks_ = 0;
        changed_();
        return;
    }
    if (!session_.sharedUnsettled()) {
        unsettledTicks_ = 0;
        return;
    }
    if (++unsettledTicks_ >= kSettleAfterTicks) {
        unsettledTicks_ = 0;
        // Reading the file back to sort it may meet a colleague's change that arrived
        // meanwhile: then the panel redraws as for any change.
        if (session_.settleShared())
            changed_();
    }
}

} // namespace rapport::ui
