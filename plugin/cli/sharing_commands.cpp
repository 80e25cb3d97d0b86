// Commands that share a checklist with a team (docs/sidecar-format.md): share, unshare,
// git-setup (the merge driver), merge-sidecar (the driver itself, run by git).
#include "command_table.h"

#include "atomic_file.h"
#include "process.h"
#include "sidecar_file.h"
#include "sidecar_format.h"

#include <boost/locale/message.hpp>

#include <filesystem>
#include <ostream>
#include <system_error>

namespace rapport::cli {

namespace {

namespace bl = boost::locale;

// The .gitattributes line: every sidecar, in any folder of the repository.
constexpr std::string_view kAttributes = "**/.rapport/*.rapport merge=rapport";

// A command on one document's sharing: resolves DOC and the sharing service, then acts.
class SharingCommand : public Command {
public:
    void define(CLI::App& app) override { app.add_option("DOC", document_)->required(); }

    int run(CliContext& context) override
    {
        const std::string path = canonicalDocumentPath(document_);
        Sharing* sharing = context.sharing();
        if (!sharing)
            return kExitFailed;
        return act(context, *sharing, path);
    }

protected:
    virtual int act(CliContext& context, Sharing& sharing, const std::string& path) = 0;

private:
    std::string document_;
};

class ShareCommand : public SharingCommand {
    int act(CliContext& context, Sharing& sharing, const std::string& path) override
    {
        context.store()->setAuthor(sharing.authorFor(path, true));
        auto shared = sharing.share(path);
        if (!shared)
            return context.failure(shared.error());
        context.tell(shared.value(), path); // what folding in an existing sidecar found
        // TRANSLATORS: {1} is the path of the sidecar file beside the document.
        context.out() << formatted(bl::translate("Shared: this checklist's changes now go to {1}. Commit it with the "
                                                 "document."),
                                   {sidecar::pathFor(path).string()})
                      << "\n";
        return kExitOk;
    }
};

class UnshareCommand : public SharingCommand {
    int act(CliContext& context, Sharing& sharing, const std::string& path) override
    {
        if (const Status stopped = sharing.unshare(path); !stopped)
            return context.failure(stopped.error());
        // TRANSLATORS: {1} is the path of the sidecar file beside the document.
        context.out() << formatted(bl::translate("This checklist is no longer shared; {1} stays where it is."),
                                   {sidecar::pathFor(path).string()})
                      << "\n";
        return kExitOk;
    }
};

class GitSetupCommand : public Command {
public:
    void define(CLI::App& app) override { app.add_option("REPO", repository_); }

    int run(CliContext& context) override
    {
        auto top = runProcess({"git", "-C", repository_, "rev-parse", "--show-toplevel"});
        if (!top || top.value().exit_code != 0)
            // TRANSLATORS: {1} is a folder; keep the command as it is.
            return context.failure(formatted(bl::translate("{1} is not inside a git repository, so no merge driver "
                                                           "was registered. Run 'rapport git-setup' inside the "
                                                           "repository that holds your documents."),
                                             {repository_}));
        std::string root = top.value().out;
        while (!root.empty() && (root.back() == '\n' || root.back() == '\r'))
            root.pop_back();
        const std::filesystem::path attributes = std::filesystem::path(root) / ".gitattributes";
        auto existing = sidecar::readText(attributes);
        if (!existing)
            return context.failure(existing.error());
        std::string text = existing.value();
        bool present = false;
        for (std::size_t start = 0; start < text.size();) {
            const std::size_t end = std::min(text.find('\n', start), text.size());
            if (std::string_view(text).substr(start, end - start) == kAttributes)
                present = true;
            start = end + 1;
        }
        if (!present) {
            if (!text.empty() && text.back() != '\n')
                text += '\n';
            text += std::string(kAttributes) + "\n";
            if (const Status written = writeFileAtomically(attributes, text); !written)
                return context.failure(written.error());
            context.out() << "added to " << attributes.string() << ": " << kAttributes << "\n";
        }
        // git runs the driver through the shell: the path of this very program, quoted.
        std::error_code ec;
        const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
        const std::string program = ec ? std::string("rapport") : shellQuoted(self.string());
        const std::string driver = program + " merge-sidecar %O %A %B";
        for (const auto& [key, value] :
             {std::pair<std::string, std::string>{"merge.rapport.name", "Rapport checklist sidecar (union of changes)"},
              std::pair<std::string, std::string>{"merge.rapport.driver", driver}}) {
            auto set = runProcess({"git", "-C", root, "config", key, value});
            if (!set || set.value().exit_code != 0)
                // TRANSLATORS: {1} is a git setting's name; {2} a folder.
                return context.failure(formatted(bl::translate("git could not set {1} in {2}, so the merge driver "
                                                               "is not registered. Check that the repository is "
                                                               "writable and try again."),
                                                 {key, root}));
        }
        context.out() << "registered the merge driver in " << root << ": " << driver << "\n";
        return kExitOk;
    }

private:
    std::string repository_ = ".";
};

// git calls it with the common ancestor, our version and theirs; the result goes into
// OURS. Changes are never taken out of a sidecar, so the merge is the union of both sides
// (BASE adds nothing neither side has).
class MergeSidecarCommand : public Command {
public:
    void define(CLI::App& app) override
    {
        app.add_option("BASE", base_)->required();
        app.add_option("OURS", ours_)->required();
        app.add_option("THEIRS", theirs_)->required();
    }

    int run(CliContext& context) override
    {
        auto ours = sidecar::readText(ours_);
        if (!ours)
            return context.failure(ours.error());
        auto theirs = sidecar::readText(theirs_);
        if (!theirs)
            return context.failure(theirs.error());
        const auto merged = sidecar::mergeTexts({ours.value(), theirs.value()});
        if (!merged) {
            // Left as a conflict for git to report: a newer Rapport should merge it.
            // TRANSLATORS: {1} is a file path.
            return context.failure(formatted(bl::translate("{1} was written by a newer version of Rapport, so it "
                                                           "was left for git to report as a conflict. Update "
                                                           "Rapport, then merge again."),
                                             {ours_}));
        }
        if (const Status written = writeFileAtomically(ours_, *merged); !written)
            return context.failure(written.error());
        return kExitOk;
    }

private:
    std::string base_;
    std::string ours_;
    std::string theirs_;
};

} // namespace

std::unique_ptr<Command> makeShareCommand() { return std::make_unique<ShareCommand>(); }
std::unique_ptr<Command> makeUnshareCommand() { return std::make_unique<UnshareCommand>(); }
std::unique_ptr<Command> makeGitSetupCommand() { return std::make_unique<GitSetupCommand>(); }
std::unique_ptr<Command> makeMergeSidecarCommand() { return std::make_unique<MergeSidecarCommand>(); }

} // namespace rapport::cli
