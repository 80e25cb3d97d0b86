// Opens Markdown and plain-text files (*.md, *.markdown, *.txt) in Code::Blocks' own
// editor, so a brief opens without the "does not yet know how to open this kind of
// file" question and without any entry written into the user's default.conf.
//
// A second plugin of the same library (manifest.xml lists both), of the MIME kind:
// Code::Blocks asks the specialised MIME plugins before its catch-all "Files extension
// handler" (PluginManager::GetOffersFor puts the one whose HandlesEverything() is true
// last), so this one is asked first. It declines a file whose name matches an
// association of the user's own (Settings > Environment > Files extension handling, the
// `mime_types` section of default.conf, as saved at the last exit): that file goes on to
// the catch-all handler, which does what the user chose.
#pragma once

#include <cbplugin.h>

class MarkdownOpener : public cbMimePlugin {
public:
    bool CanHandleFile(const wxString& filename) const override;
    int OpenFile(const wxString& filename) override;
    bool HandlesEverything() const override { return false; }
};
