#!/usr/bin/env bash
# End-to-end test: the real Geany under a private Xvfb, in a throwaway configuration
# (geany -c DIR, scripts/geany-profile), with the built plugin installed. Every step is
# proven from the plugin's own state lines (the test channel, plugin/ui/test_channel.h),
# the same channel and verbs as the Code::Blocks test: the sidebar's verbs run in the UI;
# activate, save-as, close, menu-toggle-sidebar, quit and throw are the Geany adapter's
# (host::HostTestVerbs, host-shim/geany/), and so is plugin-manager, which opens Tools >
# Plugin Manager. Keys, Geany's keybindings and the Plugin Manager's list are driven with
# the real keyboard (xdotool).
#
# usage: geany_e2e.sh --plugin SO --cli RAPPORT --source DIR --artifacts DIR [--without-plugin]
# --without-plugin checks the other direction: with no plugin installed the test's own
# wait must fail, so a plugin that does not load can never pass for one that does.
set -euo pipefail

plugin="" cli="" source="" artifacts="" without_plugin=0
while [ $# -gt 0 ]; do
  case "$1" in
    --plugin) plugin=$2; shift 2 ;;
    --cli) cli=$2; shift 2 ;;
    --source) source=$2; shift 2 ;;
    --artifacts) artifacts=$2; shift 2 ;;
    --without-plugin) without_plugin=1; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

e2e_host="Geany" e2e_name=geany-e2e
# shellcheck source=host_e2e_common.sh
. "$source/tests/e2e/host_e2e_common.sh"
config=$work/config

if [ "$without_plugin" = 1 ]; then
  "$source/scripts/geany-profile" "$config" >/dev/null
else
  "$source/scripts/geany-profile" "$config" "$plugin" >/dev/null
  # A key for "Focus the Rapport sidebar" (unbound by default), set as Geany's keyboard
  # preferences save it: the plugin's actions are Geany keybindings a user can rebind.
  printf '[rapport]\nfocus_sidebar=<Primary><Shift><Alt>f\n' > "$config/keybindings.conf"
fi

# start_geany [ENV=VALUE...] -- FILE...: Geany's language comes from the environment
# (LANGUAGE, with the C.UTF-8 locale that exists on every Debian).
start_geany() {
  local settings=()
  while [ "$1" != -- ]; do settings+=("$1"); shift; done
  shift
  : > "$host_out"
  : > "$channel/commands" # a new Geany must not replay the last one's commands
  # XDG folders of its own, so GTK's recent-files list and caches stay out of the user's home.
  env XDG_DATA_HOME="$work/xdg/data" XDG_CONFIG_HOME="$work/xdg/config" XDG_CACHE_HOME="$work/xdg/cache" \
    RAPPORT_DATA_DIR="$data" RAPPORT_TEST_CHANNEL="$channel" RAPPORT_ASSETS_DIR="$source/assets" \
    LC_ALL=C.UTF-8 LANGUAGE= "${settings[@]}" \
    geany -c "$config" --new-instance --no-session "$@" >>"$host_out" 2>&1 &
  host_pid=$!
}

# quit_geany: File > Quit through the adapter; Geany must exit 0 and print nothing of ours
# that a guest must keep to itself (GTK criticals, wx asserts).
quit_geany() {
  quit_host
  # Lines inside a range Geany's own Plugin Manager printed in (see below) are Geany's.
  if awk -v skip="$geany_own" 'BEGIN { n = split(skip, r, " ") }
      tolower($0) ~ /critical|assert/ { for (i = 1; i < n; i += 2) if (NR > r[i] && NR <= r[i + 1]) next; print; bad = 1 }
      END { exit !bad }' "$host_out" >&2; then
    fail "Geany's stderr has the lines above"
  fi
  geany_own=""
}
geany_own="" # "FROM TO ..." line ranges of the host output printed by Geany's own Plugin Manager

# What Geany printed to stderr between two line counts, without process id and time.
out_lines() { wc -l < "$host_out"; }
messages_between() {
  sed -n "$(($1 + 1)),$2p" "$host_out" | grep -v '^$' | sed -E 's/^\(geany:[0-9]+\): //; s/[0-9:.]+: //' | sort
}

if [ "$without_plugin" = 1 ]; then
  start_geany -- "$doc_a"
  expect_no_plugin
fi

# Document B already has a checklist (made with the command-line tool, same store).
"$cli" --store "$data/rapport.sqlite3" attach "$doc_b" --template kickoff >/dev/null

echo "start Geany (English) with two documents"
start_geany -- "$doc_a" "$doc_b"
wait_for 0 '^plugin-attached\tsdk=\d+\.\d+$' 60 || fail "the plugin did not load"
wait_for 0 '^ready\thost=Geany\t.*\tlanguage=en$' 5 || fail "the sidebar does not follow Geany's English"
wait_for 0 '^host-ready$' 60 || fail "no geany-startup-complete reached the plugin"
wait_for 0 "^shown\t$B\tchecklist\titems=\d+\tdone=0$" 10 || fail "the document open at start-up is not shown"

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

echo "the keyboard inside Geany: the list's keys reach the list before Geany's keybindings"
m=$(mark); send "select 3"
wait_for "$m" '^selected\titem=\d+$' || fail "selecting an item through the panel failed"
selected=$(tail -n +"$((m + 1))" "$state" | grep -oP '^selected\titem=\K\d+' | tail -1)
window=$(xdotool search --name "Geany" | head -1)
eval "$(xdotool getwindowgeometry --shell "$window")"
xdotool mousemove $((X + WIDTH / 2)) $((Y + HEIGHT / 2))
m=$(mark); xdotool key 4
wait_for "$m" "^status\titem=$selected\tblocked$" || fail "the key 4 did not reach the sidebar's list inside Geany"
m=$(mark); xdotool key ctrl+z
wait_for "$m" '^undone\tChange status$' || fail "Ctrl+Z inside the sidebar did not undo the status change"
echo "Ctrl+Alt+E in the list: Rapport's modal Create report dialog (Ctrl+R stays Geany's Reload)"
xdotool key ctrl+alt+e
for _ in $(seq 1 100); do xdotool search --name '^Create report$' >/dev/null 2>&1 && break; sleep 0.1; done
xdotool search --name '^Create report$' >/dev/null 2>&1 || fail "Ctrl+Alt+E in the list did not open the report dialog"
shoot "$artifacts/geany-report-dialog.png" || true
xdotool key Escape
for _ in $(seq 1 100); do xdotool search --name '^Create report$' >/dev/null 2>&1 || break; sleep 0.1; done
xdotool search --name '^Create report$' >/dev/null 2>&1 && fail "Escape did not close the report dialog"

echo "search narrows the list"
m=$(mark); send "search scope"
wait_for "$m" '^filtered\tscope\tentry=0\titems=[1-9]\d*$' || fail "searching did not narrow the list (the modal loop left it stuck?)"
m=$(mark); send "search "
wait_for "$m" "^filtered\t\tentry=0\titems=$items_a$" || fail "clearing the search did not show every item"

echo "switch to B (non-ASCII name): its own checklist"
m=$(mark); send "activate $doc_b"
wait_for "$m" "^shown\t$B\tchecklist\titems=\d+\tdone=0$" || fail "activating B did not show B's checklist"

echo "an exception inside a host callback is contained"
m=$(mark); send "throw"; send "activate $doc_a"
wait_for "$m" "^shown\t$A\tchecklist\titems=$items_a\tdone=1$" || fail "Geany did not survive an exception"
sleep 0.5 # let the last paint reach the X server
shoot "$artifacts/geany-sidebar-en.png" || fail "screenshot failed"

echo "View > Rapport sidebar and Geany's keybinding (Ctrl+Alt+R) hide and show the page"
m=$(mark); send "menu-toggle-sidebar"
wait_for "$m" '^panel\thidden$' || fail "the View menu item did not hide the sidebar"
m=$(mark); send "menu-toggle-sidebar"
wait_for "$m" '^panel\tshown$' || fail "the View menu item did not show the sidebar again"
xdotool key ctrl+alt+r
m=$(mark); send "panel-state"
wait_for "$m" '^panel\thidden$' || fail "Ctrl+Alt+R did not hide the sidebar"
xdotool key ctrl+alt+r
m=$(mark); send "panel-state"
wait_for "$m" '^panel\tshown$' || fail "Ctrl+Alt+R did not show the sidebar again"

echo "the sidebar's commands are Geany keybindings too: Ctrl+Alt+F with the page hidden shows it and searches"
m=$(mark); send "menu-toggle-sidebar"
wait_for "$m" '^panel\thidden$' || fail "the View menu item did not hide the sidebar"
m=$(mark); xdotool key ctrl+alt+f
wait_for "$m" '^panel-action\tsearch$' || fail "Geany's keybinding Ctrl+Alt+F did not run the sidebar's search command"
m=$(mark); send "panel-state"
wait_for "$m" '^panel\tshown$' || fail "the search command did not show the hidden sidebar"

echo "the focus key (bound in keybindings.conf) shows the hidden page and puts the keyboard in its list"
m=$(mark); send "menu-toggle-sidebar"
wait_for "$m" '^panel\thidden$' || fail "the View menu item did not hide the sidebar"
xdotool key ctrl+shift+alt+f
m=$(mark); send "panel-state"
wait_for "$m" '^panel\tshown$' || fail "the focus key did not show the sidebar"
m=$(mark); xdotool key 4
wait_for "$m" "^status\titem=$selected\tblocked$" || fail "after the focus key, the list does not have the keyboard"
m=$(mark); xdotool key ctrl+z
wait_for "$m" '^undone\tChange status$' || fail "Ctrl+Z after the focus key did not undo"

echo "closing the active document clears the sidebar, then Geany's next document shows"
m=$(mark); send "activate $doc_b"
wait_for "$m" "^shown\t$B\tchecklist" || fail "activating B again failed"
m=$(mark); send "close $doc_b"
wait_for "$m" '^shown\t\tno-document$' || fail "closing B did not clear the sidebar"
wait_for "$m" "^shown\t$A\tchecklist\titems=$items_a\tdone=1$" || fail "after closing B, A is not shown"

echo "Save As carries the checklist to the new name"
doc_a2="$docs/brief v2 — копия.md"
A2=$(esc "$doc_a2")
m=$(mark); send "save-as $doc_a2"
wait_for "$m" "^renamed\t$A\t$A2$" || fail "Save As was not seen as a rename"
wait_for "$m" "^shown\t$A2\tchecklist\titems=$items_a\tdone=1$" || fail "the checklist did not follow Save As"

# open_plugin_manager: Tools > Plugin Manager (through the adapter: GTK menus driven by
# keys under Xvfb are not reliable), then the pointer over its dialog, which has the
# keyboard (under Xvfb there is no window manager: keys go to the window under the pointer).
open_plugin_manager() {
  local dialog="" X Y WIDTH HEIGHT SCREEN
  send plugin-manager
  for _ in $(seq 1 50); do dialog=$(xdotool search --name '^Plugins$' 2>/dev/null | head -1 || true); [ -n "$dialog" ] && break; sleep 0.1; done
  [ -n "$dialog" ] || fail "Tools > Plugin Manager did not open"
  eval "$(xdotool getwindowgeometry --shell "$dialog")"
  xdotool mousemove $((X + WIDTH / 2)) $((Y + HEIGHT / 2)); sleep 0.2
}
close_plugin_manager() {
  xdotool key Escape
  for _ in $(seq 1 50); do xdotool search --name '^Plugins$' >/dev/null 2>&1 || return 0; sleep 0.1; done
  fail "the Plugin Manager did not close"
}

echo "Geany's own Plugin Manager, opened and closed: what it prints to stderr by itself"
# Showing its dialog may print GTK warnings and criticals of Geany's own (they appear
# without any plugin too); the step below may print these and nothing else.
o1=$(out_lines)
open_plugin_manager
close_plugin_manager
o2=$(out_lines)
geany_own="$o1 $o2"

echo "disable and enable the plugin in Geany's Plugin Manager, by keyboard, in the same Geany"
o3=$(out_lines)
open_plugin_manager
xdotool type --delay 20 rapport.so # its filter: one row left, ours
m=$(mark); xdotool key Tab space
wait_for "$m" '^plugin-released$' || fail "unticking Rapport in the Plugin Manager did not release the sidebar"
m=$(mark); xdotool key space
wait_for "$m" '^plugin-attached\tsdk=' || fail "ticking Rapport again did not build the sidebar anew"
wait_for "$m" "^shown\t$A2\tchecklist\titems=$items_a\tdone=1$" || fail "the sidebar built anew does not show the active document"
close_plugin_manager
o4=$(out_lines)
extra=$(comm -13 <(messages_between "$o1" "$o2") <(messages_between "$o3" "$o4"))
[ -z "$extra" ] || { echo "$extra" >&2; fail "disabling and enabling printed more than the Plugin Manager itself"; }
geany_own="$geany_own $o3 $o4"
m=$(mark); send "tick 2"
wait_for "$m" "^ticked\t$A2\titem=3\tdone=1$" || fail "ticking after re-enabling failed"
wait_for "$m" "^shown\t$A2\tchecklist\titems=$items_a\tdone=2$" || fail "the tick after re-enabling is not shown"
m=$(mark); send "menu-toggle-sidebar"
wait_for "$m" '^panel\thidden$' || fail "after re-enabling, the View menu item does not hide the sidebar"
xdotool key ctrl+alt+r
m=$(mark); send "panel-state"
wait_for "$m" '^panel\tshown$' || fail "after re-enabling, Ctrl+Alt+R does not show the sidebar"

echo "quit with the sidebar open, then check the store"
quit_geany
grep -c '^plugin-released$' "$state" | grep -qx 2 || fail "the plugin was not released once on disable and once at exit"
"$cli" --store "$data/rapport.sqlite3" show "$doc_a2" > "$work/show.txt" || fail "rapport show failed"
grep -qP '^2\t\[x\]\t' "$work/show.txt" || { cat "$work/show.txt" >&2; fail "the tick is not in the store after exit"; }
grep -qP '^3\t\[x\]\t' "$work/show.txt" || { cat "$work/show.txt" >&2; fail "the tick after re-enabling is not in the store"; }
grep -qP '^1\t\[ \]\t' "$work/show.txt" || fail "an item was ticked that was not"
grep -qP '^4\t\[ \]\t' "$work/show.txt" || { cat "$work/show.txt" >&2; fail "the undone status change is still in the store"; }
"$cli" --store "$data/rapport.sqlite3" show "$doc_a" >/dev/null 2>&1 && fail "the old name still has a checklist"

echo "Geany in Chinese: the sidebar follows Geany's own language"
m=$(mark)
start_geany LANGUAGE=zh_CN -- "$doc_b" "$doc_a2"
wait_for "$m" '^ready\thost=Geany\t.*\tlanguage=zh_CN$' 60 || fail "the sidebar does not follow Geany's Chinese"
wait_for "$m" "^shown\t$A2\tchecklist\titems=$items_a\tdone=2$" 60 || fail "after a restart the ticks were lost"
sleep 0.5
shoot "$artifacts/geany-sidebar-zh_CN.png" || fail "screenshot failed"
quit_geany

echo "E2E OK: screenshots in $artifacts/geany-sidebar-en.png and geany-sidebar-zh_CN.png"
