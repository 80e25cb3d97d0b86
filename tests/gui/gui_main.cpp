// doctest main for tests that need a real wx application and a real X display (Xvfb).
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <wx/app.h>
#include <wx/init.h>

namespace {

// A wx application that does not parse the command line: the arguments are doctest's.
class GuiTestApp : public wxApp {
public:
    bool OnInit() override { return true; }
};

} // namespace

int main(int argc, char** argv)
{
    wxApp::SetInstance(new GuiTestApp);
    int wxArgc = 1;
    if (!wxEntryStart(wxArgc, argv))
        return 1;
    wxTheApp->CallOnInit();
    doctest::Context context(argc, argv);
    const int result = context.run();
    wxEntryCleanup();
    return result;
}
