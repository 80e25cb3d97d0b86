// Commands that follow documents: rename, orphans, relink.
#include "command_table.h"
#include "json_writer.h"

#include "terminal_text.h"

#include <boost/locale/format.hpp>

#include <cmath>
#include <optional>
#include <ostream>

namespace rapport::cli {

namespace {

namespace bl = boost::locale;

class RenameCommand : public Command {
public:
    void define(CLI::App& app) override
    {
        app.add_option("OLD", from_)->required();
        app.add_option("NEW", to_)->required();
    }

    int run(CliContext& context) override
    {
        Store* store = context.store();
        if (!store)
            return kExitFailed;
        const std::string from = canonicalDocumentPath(from_);
        const std::string to = canonicalDocumentPath(to_);
        // Nothing attached at OLD is a mistake to report, not a rename that did nothing.
        auto attached = store->checklistFor(from);
        if (!attached)
            return context.failure(attached.error());
        if (!attached.value()) {
            context.failure({ErrorCode::DocumentUnknown, from, {}});
            // TRANSLATORS: a hint; keep "rapport orphans" as it is.
            context.note(say(bl::translate("\"rapport orphans\" lists the checklists whose documents are gone.")));
            return kExitFailed;
        }
        if (const auto renamed = store->renameDocument(from, to); !renamed)
            return context.failure(renamed.error());
        // TRANSLATORS: the result of "rapport rename"; {1} and {2} are document paths.
        context.out() << formatted(bl::translate("the checklist of {1} now follows {2}"), {from, to}) << "\n";
        return kExitOk;
    }

private:
    std::string from_;
    std::string to_;
};

class OrphansCommand : public Command {
public:
    void define(CLI::App& app) override { app.add_flag("--json", json_); }

    int run(CliContext& context) override
    {
        Store* store = context.store();
        if (!store)
            return kExitFailed;
        auto orphans = store->orphans();
        if (!orphans)
            return context.failure(orphans.error());
        if (json_) {
            JsonWriter json(context.out());
            json.beginObject().key("orphans").beginArray();
            for (const auto& orphan : orphans.value())
                json.beginObject().key("document_id").value(orphan.document_id).key("path").value(orphan.path).endObject();
            json.endArray().endObject();
            return context.out() ? kExitOk : kExitFailed;
        }
        for (const auto& orphan : orphans.value())
            context.row({std::to_string(orphan.document_id), orphan.path});
        return kExitOk;
    }

private:
    bool json_ = false;
};

// "85%": the share of lines two versions have in common, as a rounded percentage.
std::string percent(const RelinkCandidate& candidate)
{
    return std::to_string(static_cast<int>(std::lround(candidate.similarity.value_or(0) * 100))) + "%";
}

// How a candidate compares, for a list: "about 85% of the lines alike, same file name".
std::string likeness(const RelinkCandidate& candidate)
{
    std::string text =
        candidate.similarity
            // TRANSLATORS: {1} is a percentage such as "85%".
            ? formatted(bl::translate("about {1} of the lines alike"), {percent(candidate)})
            // TRANSLATORS: Rapport has no record of that document's content to compare with.
            : say(bl::translate("its content was never recorded, so it cannot be compared"));
    if (candidate.same_name)
        // TRANSLATORS: added after "about 85% of the lines alike".
        text += say(bl::translate(", same file name"));
    return text;
}

class RelinkCommand : public Command {
public:
    void define(CLI::App& app) override
    {
        app.add_option("DOC", document_)->required();
        app.add_option("--from", from_);
        app.add_flag("--yes", yes_);
    }

    int run(CliContext& context) override
    {
        Store* store = context.store();
        if (!store)
            return kExitFailed;
        const std::string document = canonicalDocumentPath(document_);
        auto found = store->relinkCandidates(document);
        if (!found)
            return context.failure(found.error());
        const RelinkSearch& search = found.value();
        if (from_)
            return relinkChosen(context, *store, search, document);

        using Verdict = RelinkSearch::Verdict;
        const std::string quoted = shellQuoted(document);
        switch (search.verdict) {
        case Verdict::NoOrphan:
            // TRANSLATORS: {1} is a document path; keep the command as it is.
            context.failure(formatted(bl::translate("No checklist has lost its document, so nothing was re-attached "
                                                    "to {1}. If the document was renamed while its old name still "
                                                    "exists, move its checklist with: rapport rename OLD {1}"),
                                      {document}));
            return kExitFailed;
        case Verdict::Unreadable:
            // TRANSLATORS: {1} is a document path; keep the commands as they are.
            context.failure(formatted(bl::translate("Rapport cannot read {1} (or it is empty), so it cannot compare "
                                                    "it with the checklists whose documents are gone. Nothing was "
                                                    "changed. Check the path, or choose the checklist yourself: "
                                                    "rapport orphans, then rapport relink {1} --from OLD"),
                                      {quoted}));
            return kExitFailed;
        case Verdict::Exact:
            return relink(context, *store, search.candidates.front(), document);
        case Verdict::Likely: {
            const RelinkCandidate& best = search.candidates.front();
            if (yes_)
                return relink(context, *store, best, document);
            // TRANSLATORS: {1} is the document given; {2} the path of the gone document whose checklist is
            // most alike; {3} how alike, e.g. "about 85% of the lines alike, same file name".
            context.failure(formatted(bl::translate("{1} is not exactly the document any checklist was attached to: "
                                                    "its content changed. It is most like {2}, whose document is "
                                                    "gone ({3}). Nothing was changed. To re-attach that checklist to "
                                                    "it, run: rapport relink {4} --yes"),
                                      {document, best.path, likeness(best), quoted}));
            return kExitFailed;
        }
        case Verdict::Ambiguous:
            // TRANSLATORS: {1} is a document path; the candidates follow, one a line.
            context.failure(formatted(bl::translate("Several checklists whose documents are gone match {1} about as "
                                                    "well, so nothing was changed. Choose one with: "
                                                    "rapport relink {2} --from OLD"),
                                      {document, quoted}));
            listCandidates(context, search, true);
            return kExitFailed;
        case Verdict::NothingAlike: {
            const RelinkCandidate& closest = search.candidates.front();
            // TRANSLATORS: {1} is the document given; {2} the closest gone document; {3} how alike it is.
            context.failure(formatted(bl::translate("No checklist whose document is gone is like {1}: the closest, "
                                                    "{2}, has {3}. Nothing was changed. If it is the right one "
                                                    "anyway, run: rapport relink {4} --from {5}"),
                                      {document, closest.path, likeness(closest), quoted, shellQuoted(closest.path)}));
            listCandidates(context, search, false);
            return kExitFailed;
        }
        }
        return kExitFailed;
    }

private:
    // Relinks the orphan the user named with --from, whatever its content.
    int relinkChosen(CliContext& context, Store& store, const RelinkSearch& search, const std::string& document)
    {
        const std::string from = canonicalDocumentPath(*from_);
        for (const RelinkCandidate& candidate : search.candidates)
            if (candidate.path == from)
                return relink(context, store, candidate, document);
        auto attached = store.checklistFor(from);
        if (!attached)
            return context.failure(attached.error());
        if (attached.value()) {
            // TRANSLATORS: {1} is the old document path, which still exists; {2} the new one. Keep the command.
            context.failure(formatted(bl::translate("The document {1} still exists, so its checklist is not lost; "
                                                    "nothing was changed. To move its checklist anyway, run: "
                                                    "rapport rename {1} {2}"),
                                      {shellQuoted(from), shellQuoted(document)}));
            return kExitFailed;
        }
        context.failure({ErrorCode::DocumentUnknown, from, {}});
        context.note(say(bl::translate("\"rapport orphans\" lists the checklists whose documents are gone.")));
        return kExitFailed;
    }

    int relink(CliContext& context, Store& store, const RelinkCandidate& candidate, const std::string& document)
    {
        if (const Status moved = store.reattach(candidate.document_id, document); !moved)
            return context.failure(moved.error());
        // TRANSLATORS: the result of "rapport relink"; {1} is where the document was, {2} where it is now.
        context.out() << formatted(bl::translate("re-attached the checklist of {1} to {2}"), {candidate.path, document})
                      << "\n";
        return kExitOk;
    }

    // The candidates as lines: the path and how alike it is.
    static void listCandidates(CliContext& context, const RelinkSearch& search, bool likely_only)
    {
        for (const RelinkCandidate& candidate : search.candidates)
            if (!likely_only || candidate.likely())
                context.err() << "  " << escapeForTerminal(candidate.path) << "\t" << escapeForTerminal(likeness(candidate))
                              << "\n";
    }

    std::string document_;
    std::optional<std::string> from_;
    bool yes_ = false;
};

} // namespace

std::unique_ptr<Command> makeRenameCommand() { return std::make_unique<RenameCommand>(); }
std::unique_ptr<Command> makeOrphansCommand() { return std::make_unique<OrphansCommand>(); }
std::unique_ptr<Command> makeRelinkCommand() { return std::make_unique<RelinkCommand>(); }

} // namespace rapport::cli
