#!/usr/bin/env bash
# scripts/codeblocks-file-types: adds only the missing "open in the editor" entries for
# *.md, *.markdown and *.txt to a Code::Blocks default.conf, changes nothing else, and
# `remove` gives back the very same bytes.
set -uo pipefail
cd "$(dirname "$0")/../.."
tool=scripts/codeblocks-file-types
work=$(mktemp -d "${TMPDIR:-/tmp}/rapport-cb-types.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# A user's file with an entry of their own for *.txt (another program) and none for Markdown.
sed -e 's/true;false;false;\*\.txt; /false;true;false;*.txt;gedit/' -e '/<MIMETYPE0>/,/<\/MIMETYPE0>/d' \
  scripts/codeblocks-default.conf >"$work/default.conf"
cp "$work/default.conf" "$work/original.conf"
added=$("$tool" add "$work/default.conf")
[ "$added" = "*.md" ] || fail "added [$added], wanted only [*.md] (*.markdown is there, *.txt is the user's)"
grep -qF 'true;false;false;*.md; ' "$work/default.conf" || fail "no entry for *.md"
grep -qF 'false;true;false;*.txt;gedit' "$work/default.conf" || fail "the user's own *.txt entry changed"
# Only lines added: the rest is byte for byte the same.
[ "$(diff "$work/original.conf" "$work/default.conf" | grep -c '^<')" = 0 ] || fail "a line of the user's file changed"
[ -z "$("$tool" add "$work/default.conf")" ] || fail "a second add added again"
"$tool" remove "$work/default.conf" "$added"
cmp -s "$work/original.conf" "$work/default.conf" || fail "remove did not give back the same bytes"

# An empty <mime_types /> is edited in place (a second element would be ignored).
printf '<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>\n<CodeBlocksConfig version="1">\n\t<mime_types />\n</CodeBlocksConfig>\n' >"$work/empty.conf"
cp "$work/empty.conf" "$work/empty-original.conf"
[ "$("$tool" add "$work/empty.conf")" = "*.md *.markdown *.txt" ] || fail "empty: not all three added"
[ "$(grep -c '<mime_types' "$work/empty.conf")" = 1 ] || fail "empty: a second <mime_types>"
"$tool" remove "$work/empty.conf" '*.md' '*.markdown' '*.txt'
cmp -s "$work/empty-original.conf" "$work/empty.conf" || fail "empty: remove did not give back the same bytes"

[ $failures = 0 ] && echo "codeblocks-file-types as expected"
exit $(( failures > 0 ))
