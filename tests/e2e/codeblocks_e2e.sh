#!/usr/bin/env bash
# End-to-end test: the real Code::Blocks under Xvfb, in a throwaway --user-data-dir
# profile, with the built plugin installed. Every step is proven from the plugin's own
# state lines (the test channel, see plugin/ui/test_channel.h), never from sleeps. The
# commands sent are listed in plugin/ui/test_driver.h: the sidebar's verbs run in the
# UI; activate, save-as, menu-toggle-sidebar, quit and throw are the adapter's
# (host::HostTestVerbs in host-shim/host_interface.h).
# The profile has no file associations, as a new user's: the .md documents must open in
# the editor with no "What to do?" question (the plugin's Markdown opener), and a user's
# own association for *.md, in a second profile, must still win.
#
# usage: codeblocks_e2e.sh --plugin SO --zip ZIP --cli RAPPORT --source DIR --artifacts DIR [--without-plugin]
# --without-plugin checks the other direction: with no plugin installed the test's own
# wait must fail, so a plugin that does not load can never pass for one that does, and
# the "What to do?" question must appear, so its absence above means something.
set -euo pipefail

plugin="" zip="" cli="" source="" artifacts="" without_plugin=0
while [ $# -gt 0 ]; do
  case "$1" in
    --plugin) plugin=$2; shift 2 ;;
    --zip) zip=$2; shift 2 ;;
    --cli) cli=$2; shift 2 ;;
    --source) source=$2; shift 2 ;;
    --artifacts) artifacts=$2; shift 2 ;;
    --without-plugin) without_plugin=1; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

e2e_host="Code::Blocks" e2e_name=e2e
# shellcheck source=host_e2e_common.sh
. "$source/tests/e2e/host_e2e_common.sh"
profile=$work/profile

if [ "$without_plugin" = 1 ]; then
  "$source/scripts/codeblocks-profile" "$profile" >/dev/null
else
  "$source/scripts/codeblocks-profile" "$profile" "$plugin" "$zip" >/dev/null
fi
# As for a new user: no file association at all, so nothing but the plugin can spare the
# question "Code::Blocks does not yet know how to open this kind of file" for a .md.
grep -qP '^\s*<mime_types' "$profile/default.conf" && fail "the test profile has file associations: it would prove nothing"
question_shown() { xdotool search --name '^What to do\?$' >/dev/null 2>&1; }

start_codeblocks() {
  : > "$host_out"
  : > "$channel/commands" # a new Code::Blocks must not replay the last one's commands
  # XDG folders of its own, so GTK's recent-files list and caches stay out of the user's home.
  XDG_DATA_HOME=$work/xdg/data XDG_CONFIG_HOME=$work/xdg/config XDG_CACHE_HOME=$work/xdg/cache \
  RAPPORT_DATA_DIR=$data RAPPORT_TEST_CHANNEL=$channel RAPPORT_ASSETS_DIR=$source/assets \
    codeblocks --user-data-dir="$profile" --no-splash-screen --no-ipc --multiple-instance "$@" \
    >>"$host_out" 2>&1 &
  host_pid=$!
}

if [ "$without_plugin" = 1 ]; then
  start_codeblocks "$doc_a"
  # The other direction of the check below: without the plugin the question does come (a
  # Code::Blocks starting beside other test runs may take a minute).
  for _ in $(seq 1 900); do question_shown && break; sleep 0.1; done
  question_shown || fail "without the plugin Code::Blocks opened a .md without asking: the no-question check proves nothing"
  expect_no_plugin
fi

# Document B already has a checklist (made with the command-line tool, same store).
"$cli" --store "$data/rapport.sqlite3" attach "$doc_b" --template kickoff >/dev/null

echo "start Code::Blocks with two documents, and a .txt and a .markdown"
doc_txt=$docs/notes.txt doc_markdown=$docs/minutes.markdown
printf 'Call notes\n' >"$doc_txt"; printf '# Minutes\n' >"$doc_markdown"
start_codeblocks "$doc_a" "$doc_b" "$doc_txt" "$doc_markdown"
wait_for 0 '^plugin-attached\tsdk=\d+\.\d+\.\d+$' 60 || fail "the plugin did not load (SDK mismatch? see the host log)"
wait_for 0 '^host-ready$' 60 || fail "no start-up-done event reached the plugin"

echo "all four are open in the editor, and nothing asked what to do with them"
for doc in "$doc_txt" "$doc_markdown"; do
  m=$(mark); send "activate $doc"
  wait_for "$m" "^shown\t$(esc "$doc")\tno-checklist$" || fail "$(basename "$doc") was not opened in the editor"
done
m=$(mark); send "activate $doc_a"
wait_for "$m" "^shown\t$A\t" || fail "document A (.md) was not opened in the editor"
m=$(mark); send "activate $doc_b"
wait_for "$m" "^shown\t$B\tchecklist\t" || fail "document B (.md) was not opened in the editor"
question_shown && fail "Code::Blocks asked what to do with a .md"

echo "activate A: no checklist yet"
m=$(mark); send "activate $doc_a"
wait_for "$m" "^shown\t$A\tno-checklist$" || fail "the sidebar did not follow document A"

echo "attach a checklist to A through the panel"
m=$(mark); send "attach kickoff"
wait_for "$m" "^shown\t$A\tchecklist\titems=\d+\tdone=0$" || fail "attaching through the panel did not show a checklist"
items_a=$(tail -n +"$((m + 1))" "$state" | grep -oP "^shown\t$A\tchecklist\titems=\K\d+" | tail -1)

echo "tick the second item"
m=$(mark); send "tick 1"
wait_for "$m" "^ticked\t$A\titem=2\tdone=1$" || fail "ticking through the panel failed"
wait_for "$m" "^shown\t$A\tchecklist\titems=$items_a\tdone=1$" || fail "the tick is not shown"

echo "the keyboard inside Code::Blocks: 4 blocks the selected item, Ctrl+Z undoes it (not the editor's undo)"
m=$(mark); send "select 3"
wait_for "$m" '^selected\titem=\d+$' || fail "selecting an item through the panel failed"
selected=$(tail -n +"$((m + 1))" "$state" | grep -oP '^selected\titem=\K\d+' | tail -1)
window=$(xdotool search --name "Code::Blocks" | head -1)
xdotool windowfocus --sync "$window" 2>/dev/null || true
m=$(mark); xdotool key 4
wait_for "$m" "^status\titem=$selected\tblocked$" || fail "the key 4 did not reach the sidebar's list inside Code::Blocks"
m=$(mark); xdotool key ctrl+z
wait_for "$m" '^undone\tChange status$' || fail "Ctrl+Z inside the sidebar did not undo the status change"
m=$(mark); xdotool key ctrl+y
wait_for "$m" '^redone\tChange status$' || fail "Ctrl+Y inside the sidebar did not redo the status change"
m=$(mark); xdotool key ctrl+z
wait_for "$m" '^undone\tChange status$' || fail "the second Ctrl+Z did not undo"

echo "search narrows the list"
m=$(mark); send "search scope"
wait_for "$m" '^filtered\tscope\tentry=0\titems=[1-9]\d*$' || fail "searching did not narrow the list"
m=$(mark); send "search "
wait_for "$m" "^filtered\t\tentry=0\titems=$items_a$" || fail "clearing the search did not show every item"

echo "switch to B: its own checklist"
m=$(mark); send "activate $doc_b"
wait_for "$m" "^shown\t$B\tchecklist\titems=\d+\tdone=0$" || fail "activating B did not show B's checklist"

echo "an exception inside a host callback is contained"
m=$(mark); send "throw"; send "activate $doc_a"
wait_for "$m" "^shown\t$A\tchecklist\titems=$items_a\tdone=1$" || fail "the host did not survive an exception"
shoot "$artifacts/e2e-sidebar.png" || fail "screenshot failed"

echo "View > Rapport sidebar hides and shows the panel"
m=$(mark); send "menu-toggle-sidebar"
wait_for "$m" '^panel\thidden$' || fail "the View menu item did not hide the sidebar"
m=$(mark); send "menu-toggle-sidebar"
wait_for "$m" '^panel\tshown$' || fail "the View menu item did not show the sidebar again"

echo "the sidebar's commands are Code::Blocks menu items (rebindable), with keys Code::Blocks does not use"
m=$(mark); send "host-menu"
wait_for "$m" '^host-menu-done\titems=9$' || fail "the View → Rapport submenu is not in Code::Blocks' menu bar with its 9 commands"
menu_lines=$(tail -n +"$((m + 1))" "$state" | grep -P '^host-menu\taction\t' || true)
printf '%s\n' "$menu_lines" | grep -qP '^host-menu\taction\tCreate report(…)?\tCtrl\+Alt\+E$' ||
  { printf '%s\n' "$menu_lines" >&2; fail "Create report is not in the Rapport submenu with Ctrl+Alt+E"; }
if printf '%s\n' "$menu_lines" | grep -q 'conflict='; then
  printf '%s\n' "$menu_lines" >&2; fail "a Rapport key is already one of Code::Blocks' own"
fi
printf '%s\n' "$menu_lines" | grep -qP '^host-menu\taction\tClient log or checklist\tCtrl\+Alt\+J$' ||
  { printf '%s\n' "$menu_lines" >&2; fail "the client log is not in the Rapport submenu with Ctrl+Alt+J"; }
m=$(mark); send "host-menu-run search"
wait_for "$m" '^panel-action\tsearch$' || fail "the Rapport menu item did not run the sidebar's search command"
m=$(mark); send "host-menu-run client-log"
wait_for "$m" '^view\tlog$' || fail "the Rapport menu item did not show the client log"
m=$(mark); send "host-menu-run client-log"
wait_for "$m" '^view\tchecklist$' || fail "the Rapport menu item did not bring the checklist back"

echo "Settings → Environment holds Rapport's page; its OK switches the sidebar's language live"
m=$(mark); send "settings-dialog"
for _ in $(seq 1 100); do xdotool search --name '^Environment settings$' >/dev/null 2>&1 && break; sleep 0.1; done
xdotool search --name '^Environment settings$' >/dev/null 2>&1 || fail "Settings → Environment did not open"
send "settings-page show"
wait_for "$m" '^settings-page\tshown$' || fail "Rapport's page is not in Code::Blocks' Environment settings"
sleep 0.5 # let the page paint
shoot "$artifacts/e2e-settings-page.png" || true
send "settings-page ru"
wait_for "$m" '^settings-page\tfound\tentries=\d+$' ||
  fail "Rapport's page is not in Code::Blocks' Environment settings"
wait_for "$m" '^preferences\tlanguage=ru\t.*\tshown=ru$' || fail "OK in the Environment settings did not apply Rapport's page"
for _ in $(seq 1 100); do xdotool search --name '^Environment settings$' >/dev/null 2>&1 || break; sleep 0.1; done
m=$(mark); send "language en"
wait_for "$m" '^language\ten$' || fail "the sidebar did not switch back to English"

echo "quit, then check the store"
quit_host
"$cli" --store "$data/rapport.sqlite3" show "$doc_a" > "$work/show.txt" || fail "rapport show failed"
grep -qP '^2\t\[x\]\t' "$work/show.txt" || { cat "$work/show.txt" >&2; fail "the tick is not in the store after exit"; }
grep -qP '^1\t\[ \]\t' "$work/show.txt" || fail "an item was ticked that was not"
grep -qP '^4\t\[ \]\t' "$work/show.txt" || { cat "$work/show.txt" >&2; fail "the undone status change is still in the store"; }

echo "reopen Code::Blocks: the tick is still there"
m=$(mark)
start_codeblocks "$doc_a"
wait_for "$m" "^shown\t$A\tchecklist\titems=$items_a\tdone=1$" 60 || fail "after a restart the tick was lost"

echo "Save As carries the checklist to the new name"
doc_a2="$docs/brief v2 — копия.md"
A2=$(esc "$doc_a2")
m=$(mark); send "save-as $doc_a2"
wait_for "$m" "^renamed\t$A\t$A2$" || fail "Save As was not seen as a rename"
wait_for "$m" "^shown\t$A2\tchecklist\titems=$items_a\tdone=1$" || fail "the checklist did not follow Save As"
quit_host
"$cli" --store "$data/rapport.sqlite3" show "$doc_a2" | grep -qP '^2\t\[x\]\t' || fail "the store has no checklist at the new name"
"$cli" --store "$data/rapport.sqlite3" show "$doc_a" >/dev/null 2>&1 && fail "the old name still has a checklist"

grep -q 'plugin-released' "$state" || fail "the plugin was not released cleanly"

echo "a user's own association for *.md is kept: their program opens B, not the editor"
opened=$work/opened-by-users-program
printf '#!/bin/sh\nprintf "%%s\\n" "$1" >>"%s"\n' "$opened" >"$work/users-program"
chmod +x "$work/users-program"
profile=$work/profile-own-association
"$source/scripts/codeblocks-profile" --mime "false;false;false;*.md;$work/users-program" "$profile" "$plugin" "$zip" >/dev/null
m=$(mark)
start_codeblocks "$doc_b"
wait_for "$m" '^host-ready$' 60 || fail "no start-up-done event in the profile with the user's association"
for _ in $(seq 1 300); do grep -qxF "$doc_b" "$opened" 2>/dev/null && break; sleep 0.1; done
grep -qxF "$doc_b" "$opened" 2>/dev/null || fail "the user's own program for *.md was not run"
m=$(mark); send "activate $doc_b"
wait_for "$m" "^problem\tnot open: $B$" || fail "the editor opened B although the user chose another program for *.md"
question_shown && fail "Code::Blocks asked what to do with a .md the user had associated"
quit_host

echo "E2E OK: screenshot in $artifacts/e2e-sidebar.png"
