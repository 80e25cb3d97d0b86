// How the sidebar's panel is placed in Code::Blocks, behind a small interface (as
// ThreadSearch hides its layout choices behind ThreadSearchViewManagerBase), so the
// plugin class does not care whether the panel is docked, in a notebook or floating.
#pragma once

#include <wx/string.h>

class wxWindow;

namespace rapport::codeblocks {

// Places one panel in the host's main window.
class PanelPlacement {
public:
    virtual ~PanelPlacement() = default;
    // Adds the panel to the host's layout.
    virtual void add(wxWindow* panel, const wxString& title) = 0;
    // Removes it again (before the host destroys the layout).
    virtual void remove() = 0;
    // Shows or hides it.
    virtual void show(bool shown) = 0;
    // Whether it is visible now.
    virtual bool isShown() const = 0;
};

// A pane docked on the right of the editor, through Code::Blocks' dock events.
class DockedPlacement : public PanelPlacement {
public:
    void add(wxWindow* panel, const wxString& title) override;
    void remove() override;
    void show(bool shown) override;
    bool isShown() const override;

private:
    wxWindow* panel_ = nullptr;
};

} // namespace rapport::codeblocks
