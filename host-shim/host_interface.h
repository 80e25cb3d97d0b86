// The whole contract between Rapport's sidebar and the editor that hosts it.
// A new host (Geany is the likely next one) implements HostServices and calls the
// HostEvents it is given; nothing else in Rapport knows which editor it lives in.
#pragma once

#include <string>

class wxWindow;

namespace rapport::host {

// What the sidebar may ask of the host. All text is UTF-8.
class HostServices {
public:
    virtual ~HostServices() = default;

    // The window the sidebar panel is created in (the host's main frame).
    virtual wxWindow* panelParent() = 0;
    // Shows or hides the docked panel.
    virtual void showPanel(bool shown) = 0;
    // Whether the docked panel is visible now.
    virtual bool isPanelShown() const = 0;
    // The host's interface language as a wx canonical name ("ru_RU"), or "" if unknown.
    virtual std::string interfaceLanguage() const = 0;
    // Writes a line to the host's log; `error` marks it as a problem.
    virtual void log(const std::string& line, bool error) = 0;
};

// What the host tells the sidebar. Paths are absolute, as the host knows them.
class HostEvents {
public:
    virtual ~HostEvents() = default;

    // The document in the active editor changed; "" when no document is active.
    virtual void onActiveDocumentChanged(const std::string& path) = 0;
    // A document was written to disk under `path`.
    virtual void onDocumentSaved(const std::string& path) = 0;
    // A document now lives under a new path (Save As, rename, move).
    virtual void onDocumentRenamed(const std::string& old_path, const std::string& new_path) = 0;
    // A document's editor was closed.
    virtual void onDocumentClosed(const std::string& path) = 0;
    // The host finished starting; the panel may now be shown in its final place.
    virtual void onHostReady() = 0;
};

} // namespace rapport::host
