#!/usr/bin/env bash
# Rapport inside the real Geany, under a private Xvfb, in throwaway configurations
# (scripts/geany-profile), on two documents with a 200-item checklist each.
#   geany_rss_added_mb         the memory Rapport adds to Geany (goal: at most 15 MB): the
#                              resident set (VmRSS) of Geany with the plugin minus without,
#                              each settled, median of --runs starts each, alternated so a
#                              drift in the machine's load falls on both sides alike
#   geany_rss_anon/file_added_mb  the same split into private memory (heap) and pages of
#                              mapped files (libraries: wx's own, which Code::Blocks already
#                              has loaded and Geany does not; ICU; the plugin)
#   geany_doc_switch_p50/p99_ms  from Geany's document-activate reaching the sidebar to the
#                              list drawn: the UI thread's CPU time (goal: one frame, 16 ms),
#                              measured in Geany through the test channel (measure-switch)
#   geany_doc_switch_wall_*_ms   the same in wall time, which adds the wait for GTK's next frame
#   geany_list_repaint_p50_ms  baseline: the same list repainted with nothing changed (Xvfb
#                              draws in software, so both figures carry its cost)
#
# usage: geany_host.sh --plugin SO --cli RAPPORT --source DIR [--runs N] [--settle SECONDS] [--switches N]
# Prints `name value unit` lines, like scripts/bench; each run's figures go to stderr.
set -euo pipefail

plugin="" cli="" source="" runs=3 settle=2 switches=200 items_wanted=200
while [ $# -gt 0 ]; do
  case "$1" in
    --plugin) plugin=$2; shift 2 ;;
    --cli) cli=$2; shift 2 ;;
    --source) source=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --settle) settle=$2; shift 2 ;;
    --switches) switches=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
for required in plugin cli source; do
  [ -n "${!required}" ] || { echo "geany_host: --$required is required" >&2; exit 2; }
done

work=$(mktemp -d /tmp/rapport-geany-bench.XXXXXX)
data=$work/data
channel=$work/channel
mkdir -p "$data" "$channel" "$work/docs"
cp "$source/examples/project-brief.md" "$work/docs/brief-a.md"
cp "$source/examples/project-brief.md" "$work/docs/brief-b.md"
doc_a=$(realpath "$work/docs/brief-a.md")
doc_b=$(realpath "$work/docs/brief-b.md")
state=$channel/state.log

xvfb_pid="" geany_pid=""
cleanup() {
  [ -n "$geany_pid" ] && kill -9 "$geany_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "geany_host: $*" >&2
  tail -n 20 "$work/geany.out" >&2 2>/dev/null || true
  tail -n 20 "$state" >&2 2>/dev/null || true
  exit 1
}

# The checklists, made beforehand with the command-line tool in the private store.
count_items() { "$cli" --store "$data/rapport.sqlite3" show "$1" | grep -cP '^\d+\t\['; }
for doc in "$doc_a" "$doc_b"; do
  "$cli" --store "$data/rapport.sqlite3" attach "$doc" --template kickoff >/dev/null
  for n in $(seq $(($(count_items "$doc") + 1)) "$items_wanted"); do
    "$cli" --store "$data/rapport.sqlite3" add "$doc" "Benchmark item $n: agree the scope, the deadline and the budget in writing" >/dev/null
  done
  [ "$(count_items "$doc")" = "$items_wanted" ] || fail "$doc does not have $items_wanted items"
done

# shellcheck source=../scripts/private-xvfb.sh
. "$source/scripts/private-xvfb.sh"
start_private_xvfb || fail "could not start Xvfb"

# start_geany with|without: a fresh throwaway configuration each start, private XDG folders.
start_geany() {
  local config=$work/config-$1
  rm -rf "$config" "$work/xdg"
  if [ "$1" = with ]; then
    "$source/scripts/geany-profile" "$config" "$plugin" >/dev/null
  else
    "$source/scripts/geany-profile" "$config" >/dev/null
  fi
  : > "$state"
  : > "$channel/commands"
  : > "$work/geany.out"
  env XDG_DATA_HOME="$work/xdg/data" XDG_CONFIG_HOME="$work/xdg/config" XDG_CACHE_HOME="$work/xdg/cache" \
    RAPPORT_DATA_DIR="$data" RAPPORT_TEST_CHANNEL="$channel" RAPPORT_ASSETS_DIR="$source/assets" LC_ALL=C.UTF-8 LANGUAGE= \
    geany -c "$config" --new-instance --no-session "$doc_a" "$doc_b" >>"$work/geany.out" 2>&1 &
  geany_pid=$!
}

# wait_until SECONDS COMMAND...: polls COMMAND every 0.1 s while Geany lives.
wait_until() {
  local limit=$1; shift
  local waited=0
  while [ "$waited" -lt $((limit * 10)) ]; do
    "$@" && return 0
    kill -0 "$geany_pid" 2>/dev/null || return 1
    sleep 0.1; waited=$((waited + 1))
  done
  return 1
}
# With the plugin: start-up finished and the active document's checklist is drawn.
checklist_shown() {
  grep -q '^host-ready$' "$state" && grep -qP "^shown\t\Q$doc_b\E\tchecklist\titems=$items_wanted(\t|$)" "$state"
}
# Without the plugin there is no state line: the document's name in the window title says Geany opened it.
document_open() { xdotool search --name "$(basename "$doc_b")" >/dev/null 2>&1; }
measured() { grep -qP '^measured\tdoc_switch\t' "$state"; }

rss_kb() { awk -v field="$1:" '$1 == field { print $2 }' "/proc/$geany_pid/status"; }

stop_geany() {
  if [ "$1" = with ]; then
    printf 'quit\n' >> "$channel/commands"
  else
    kill "$geany_pid" 2>/dev/null || true # Geany quits cleanly on SIGTERM
  fi
  local waited=0
  while kill -0 "$geany_pid" 2>/dev/null && [ "$waited" -lt 200 ]; do sleep 0.1; waited=$((waited + 1)); done
  kill -9 "$geany_pid" 2>/dev/null || true
  wait "$geany_pid" 2>/dev/null || true
  geany_pid=""
}

# measure with|without: one start, settled; sets measured_kb to its VmRSS in kB (and
# anon_kb, file_kb). The first start with the plugin also times the document switches.
measured_kb="" anon_kb="" file_kb="" switch_line=""
measure() {
  start_geany "$1"
  if [ "$1" = with ]; then
    wait_until 90 checklist_shown || fail "the sidebar never showed the $items_wanted-item checklist"
  else
    wait_until 90 document_open || fail "Geany without the plugin never opened the document"
  fi
  sleep "$settle"
  measured_kb=$(rss_kb VmRSS) anon_kb=$(rss_kb RssAnon) file_kb=$(rss_kb RssFile)
  echo "geany_host: $1 the plugin: VmRSS $(rss_kb VmRSS) kB = RssAnon $(rss_kb RssAnon) + RssFile $(rss_kb RssFile) + RssShmem $(rss_kb RssShmem)" >&2
  if [ "$1" = with ]; then # where the file pages go: the libraries Geany loads for us
    awk '/^[0-9a-f]+-[0-9a-f]+ / { file = $6 } /^Rss:/ && file ~ /libwx|libicu|rapport|libboost|libsqlite|libpugi|libpango|libcairo/ {
           n = file; sub(/.*\//, "", n); sub(/[.]so.*/, "", n); kb[n] += $2 }
         END { for (n in kb) printf "geany_host:   %-28s %6d kB\n", n, kb[n] }' "/proc/$geany_pid/smaps" | sort -k3 -nr >&2
  fi
  if [ "$1" = with ] && [ -z "$switch_line" ]; then
    printf 'measure-switch %s %s %s\n' "$switches" "$doc_a" "$doc_b" >> "$channel/commands"
    wait_until 300 measured || fail "the document switches were not measured"
    switch_line=$(grep -P '^measured\tdoc_switch\t' "$state")
    echo "geany_host: $switch_line" >&2
  fi
  if [ "$1" = without ] && grep -q '^plugin-attached' "$state"; then
    fail "the plugin loaded in the configuration that should not have it"
  fi
  stop_geany "$1"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
mb() { awk -v kb="$1" 'BEGIN { printf "%.1f", kb / 1024 }'; }
field() { printf '%s\n' "$switch_line" | grep -oP "\t$1=\K[0-9.]+"; }

with_kb=() without_kb=() anon_added=() file_added=()
for run in $(seq 1 "$runs"); do
  measure with; with_kb+=("$measured_kb"); with_anon=$anon_kb with_file=$file_kb
  measure without; without_kb+=("$measured_kb")
  anon_added+=($((with_anon - anon_kb))); file_added+=($((with_file - file_kb)))
  echo "geany_host: run $run: with $(mb "${with_kb[-1]}") MB, without $(mb "${without_kb[-1]}") MB" >&2
done
with_median=$(printf '%s\n' "${with_kb[@]}" | median)
without_median=$(printf '%s\n' "${without_kb[@]}" | median)
echo "geany_rss_with_plugin_mb $(mb "$with_median") MB"
echo "geany_rss_without_plugin_mb $(mb "$without_median") MB"
echo "geany_rss_added_mb $(mb "$((${with_median%.*} - ${without_median%.*}))") MB"
echo "geany_rss_anon_added_mb $(mb "$(printf '%s\n' "${anon_added[@]}" | median)") MB"
echo "geany_rss_file_added_mb $(mb "$(printf '%s\n' "${file_added[@]}" | median)") MB"
echo "geany_doc_switch_p50_ms $(field cpu_p50) ms"
echo "geany_doc_switch_p99_ms $(field cpu_p99) ms"
echo "geany_doc_switch_wall_p50_ms $(field wall_p50) ms"
echo "geany_doc_switch_wall_p99_ms $(field wall_p99) ms"
echo "geany_list_repaint_p50_ms $(field repaint_p50) ms"
