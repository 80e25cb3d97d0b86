#include <sdk.h> // Code::Blocks' precompiled SDK header must come first

#include "markdown_opener.h"

#include <cbeditor.h>
#include <configmanager.h>
#include <editormanager.h>
#include <globals.h>
#include <logmanager.h>
#include <manager.h>

#include <wx/filename.h>

namespace {

// The name manifest.xml gives it; Plugins > Manage plugins lists it, and can disable it.
PluginRegistrant<MarkdownOpener> registration("RapportMarkdownOpener");

bool isMarkdownOrText(const wxString& filename)
{
    const wxString extension = wxFileName(filename).GetExt().Lower();
    return extension == "md" || extension == "markdown" || extension == "txt";
}

// Whether the user's own file associations (read as the Files extension handler reads
// them when it starts: "USE_EDITOR;USE_ASSOC;MODAL;WILDCARD;PROGRAM", or the older
// "USE_EDITOR;MODAL;WILDCARD[;PROGRAM]") have an entry for this file's name.
bool userHasAssociation(const wxString& filename)
{
    const wxString name = wxFileName(filename).GetFullName().Lower();
    ConfigManager* types = Manager::Get()->GetConfigManager("mime_types");
    const wxArrayString keys = types->EnumerateKeys("/");
    for (const wxString& key : keys) {
        const wxArrayString fields = GetArrayFromString(types->Read(key), ";", false);
        if (fields.GetCount() < 3)
            continue;
        const bool old = fields.GetCount() <= 4;
        const bool useEditor = fields[0] == "true";
        const bool useAssoc = !old && fields[1] == "true";
        const wxString& wildcard = fields[old ? 2 : 3];
        const size_t programField = old ? 3 : 4;
        const wxString program = fields.GetCount() > programField ? wxString(fields[programField]).Trim() : wxString();
        // The handler drops an entry that says to do nothing; so does this test.
        if ((useEditor || useAssoc || !program.empty()) && name.Matches(wildcard))
            return true;
    }
    return false;
}

} // namespace

bool MarkdownOpener::CanHandleFile(const wxString& filename) const
{
    try {
        return isMarkdownOrText(filename) && !userHasAssociation(filename);
    } catch (...) {
        return false; // the Files extension handler takes it, as without this plugin
    }
}

int MarkdownOpener::OpenFile(const wxString& filename)
{
    try {
        if (cbEditor* editor = Manager::Get()->GetEditorManager()->Open(filename)) {
            editor->Activate();
            return 0;
        }
        Manager::Get()->GetLogManager()->LogError("Rapport: could not open " + filename + " in the editor");
    } catch (...) {
    }
    return -1;
}
