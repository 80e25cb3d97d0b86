// The wx application and host services the sidebar benchmarks run the real panel in.
#pragma once

#include "host_interface.h"

#include <string>

#include <wx/app.h>
#include <wx/frame.h>

namespace rapport::bench {

// An application that only initialises wx.
class BenchApp : public wxApp {
public:
    bool OnInit() override { return true; }
};

// A host of the panel's own: a shown frame as wide as a sidebar, English, no log.
class BenchHost : public rapport::host::HostServices {
public:
    BenchHost() : frame(new wxFrame(nullptr, wxID_ANY, "Rapport bench", wxDefaultPosition, wxSize(360, 700))) { frame->Show(); }
    std::string hostName() const override { return "benchmark"; }
    std::string pluginApiVersion() const override { return "0.0.0"; }
    void showPanel(bool) override {}
    bool isPanelShown() const override { return true; }
    std::string interfaceLanguage() const override { return "en"; }
    bool openDocument(const std::string&) override { return false; }
    void log(const std::string&, bool) override {}
    wxFrame* frame;
};

} // namespace rapport::bench
