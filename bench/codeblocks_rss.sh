#!/usr/bin/env bash
# rss_added_mb: the memory Rapport adds to Code::Blocks with a 200-item checklist shown
# (goal: at most 15 MB). Starts the real Code::Blocks under a private Xvfb in a
# throwaway profile, once with the plugin and once without, on the same document, and
# compares the resident set (VmRSS) once each has settled. Median of --runs starts each,
# alternated so that a drift in the machine's load falls on both sides alike.
#
# usage: codeblocks_rss.sh --plugin SO --zip ZIP --cli RAPPORT --source DIR [--runs N] [--settle SECONDS]
# Prints `name value unit` lines, like scripts/bench; each run's figures go to stderr.
set -euo pipefail

plugin="" zip="" cli="" source="" runs=3 settle=2 items_wanted=200
while [ $# -gt 0 ]; do
  case "$1" in
    --plugin) plugin=$2; shift 2 ;;
    --zip) zip=$2; shift 2 ;;
    --cli) cli=$2; shift 2 ;;
    --source) source=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --settle) settle=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
for required in plugin zip cli source; do
  [ -n "${!required}" ] || { echo "codeblocks_rss: --$required is required" >&2; exit 2; }
done

work=$(mktemp -d /tmp/rapport-rss.XXXXXX)
data=$work/data
channel=$work/channel
mkdir -p "$data" "$channel" "$work/docs"
cp "$source/examples/project-brief.md" "$work/docs/"
doc=$(realpath "$work/docs/project-brief.md")
state=$channel/state.log

xvfb_pid="" cb_pid=""
cleanup() {
  [ -n "$cb_pid" ] && kill -9 "$cb_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "codeblocks_rss: $*" >&2
  tail -n 20 "$work/codeblocks.out" >&2 2>/dev/null || true
  exit 1
}

# The checklist, made beforehand with the command-line tool in the private store.
"$cli" --store "$data/rapport.sqlite3" attach "$doc" --template kickoff >/dev/null
count_items() { "$cli" --store "$data/rapport.sqlite3" show "$doc" | grep -cP '^\d+\t\['; }
have=$(count_items)
for n in $(seq $((have + 1)) "$items_wanted"); do
  "$cli" --store "$data/rapport.sqlite3" add "$doc" "Benchmark item $n" >/dev/null
done
[ "$(count_items)" = "$items_wanted" ] || fail "the checklist does not have $items_wanted items"

# A private X server, whatever $DISPLAY says: nothing is drawn on the user's screen.
# shellcheck source=../scripts/private-xvfb.sh
. "$source/scripts/private-xvfb.sh"
start_private_xvfb || fail "could not start Xvfb"

# start_codeblocks PROFILE: a fresh throwaway profile each start, private XDG folders.
start_codeblocks() {
  local profile=$work/profile-$1
  rm -rf "$profile" "$work/xdg"
  if [ "$1" = with ]; then
    "$source/scripts/codeblocks-profile" "$profile" "$plugin" "$zip" >/dev/null
  else
    # Without the plugin nothing opens a .md in the editor unasked: the user's own
    # association does (Settings > Environment > Files extension handling).
    "$source/scripts/codeblocks-profile" --mime 'true;false;false;*.md; ' "$profile" >/dev/null
  fi
  : > "$state"
  : > "$channel/commands"
  : > "$work/codeblocks.out"
  XDG_DATA_HOME=$work/xdg/data XDG_CONFIG_HOME=$work/xdg/config XDG_CACHE_HOME=$work/xdg/cache \
  RAPPORT_DATA_DIR=$data RAPPORT_TEST_CHANNEL=$channel RAPPORT_ASSETS_DIR=$source/assets \
    codeblocks --user-data-dir="$profile" --no-splash-screen --no-ipc --multiple-instance "$doc" \
    >>"$work/codeblocks.out" 2>&1 &
  cb_pid=$!
}

# wait_until SECONDS COMMAND...: polls COMMAND every 0.1 s while Code::Blocks lives.
wait_until() {
  local limit=$1; shift
  local waited=0
  while [ "$waited" -lt $((limit * 10)) ]; do
    "$@" && return 0
    kill -0 "$cb_pid" 2>/dev/null || return 1
    sleep 0.1; waited=$((waited + 1))
  done
  return 1
}
# With the plugin: start-up finished (the pane is in its final place) and the checklist is drawn.
checklist_shown() {
  grep -q '^host-ready$' "$state" && grep -qP "^shown\t\Q$doc\E\tchecklist\titems=$items_wanted(\t|$)" "$state"
}
# Without the plugin there is no state line: the document's name in the main window's
# title says Code::Blocks has opened it.
document_open() { xdotool search --name "$(basename "$doc")" >/dev/null 2>&1; }

rss_kb() { awk -v field="$1:" '$1 == field { print $2 }' "/proc/$cb_pid/status"; }

stop_codeblocks() {
  if [ "$1" = with ]; then
    printf 'quit\n' >> "$channel/commands"
  else
    kill "$cb_pid" 2>/dev/null || true
  fi
  local waited=0
  while kill -0 "$cb_pid" 2>/dev/null && [ "$waited" -lt 200 ]; do sleep 0.1; waited=$((waited + 1)); done
  kill -9 "$cb_pid" 2>/dev/null || true
  wait "$cb_pid" 2>/dev/null || true
  cb_pid=""
}

# measure with|without: one start, settled; sets measured_kb to its VmRSS in kB.
# Not run in a subshell, so cleanup() always knows which Code::Blocks to end.
measured_kb=""
measure() {
  start_codeblocks "$1"
  if [ "$1" = with ]; then
    wait_until 90 checklist_shown || fail "the sidebar never showed the $items_wanted-item checklist"
  else
    wait_until 90 document_open || fail "Code::Blocks without the plugin never opened the document"
  fi
  sleep "$settle"
  measured_kb=$(rss_kb VmRSS)
  # Where it went, for reading: anonymous memory (heap) against mapped files (libraries, ICU data).
  echo "codeblocks_rss: $1 the plugin: VmRSS $(rss_kb VmRSS) kB = RssAnon $(rss_kb RssAnon) + RssFile $(rss_kb RssFile) + RssShmem $(rss_kb RssShmem)" >&2
  if [ "$1" = without ] && grep -q '^plugin-attached' "$state"; then
    fail "the plugin loaded in the profile that should not have it"
  fi
  stop_codeblocks "$1"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
mb() { awk -v kb="$1" 'BEGIN { printf "%.1f", kb / 1024 }'; }

with_kb=() without_kb=()
for run in $(seq 1 "$runs"); do
  measure with; with_kb+=("$measured_kb")
  measure without; without_kb+=("$measured_kb")
  echo "codeblocks_rss: run $run: with $(mb "${with_kb[-1]}") MB, without $(mb "${without_kb[-1]}") MB" >&2
done
with_median=$(printf '%s\n' "${with_kb[@]}" | median)
without_median=$(printf '%s\n' "${without_kb[@]}" | median)
echo "rss_with_plugin_mb $(mb "$with_median") MB"
echo "rss_without_plugin_mb $(mb "$without_median") MB"
echo "rss_added_mb $(mb "$((${with_median%.*} - ${without_median%.*}))") MB"
