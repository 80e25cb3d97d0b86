#!/usr/bin/env bash
# End-to-end test: Geany and Code::Blocks open at the same time on the same document, over
# one store (RAPPORT_DATA_DIR), each in its throwaway configuration under one private Xvfb.
# Both tick different items at once, each through its own test channel; then both quit and
# `rapport show` must see every tick: nothing one editor wrote is lost to the other.
#
# usage: shared_store_e2e.sh --geany-plugin SO --cb-plugin SO --cb-zip ZIP --cli RAPPORT --source DIR
set -euo pipefail

geany_plugin="" cb_plugin="" cb_zip="" cli="" source=""
while [ $# -gt 0 ]; do
  case "$1" in
    --geany-plugin) geany_plugin=$2; shift 2 ;;
    --cb-plugin) cb_plugin=$2; shift 2 ;;
    --cb-zip) cb_zip=$2; shift 2 ;;
    --cli) cli=$2; shift 2 ;;
    --source) source=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

work=$(mktemp -d /tmp/rapport-shared-e2e.XXXXXX)
data=$work/data
mkdir -p "$data" "$work/docs" "$work/geany" "$work/codeblocks"
cp "$source/examples/project-brief.md" "$work/docs/"
doc=$(realpath "$work/docs/project-brief.md")
D=$(printf '%s' "$doc" | sed 's/[][\.*^$+?(){}|]/\\&/g')

xvfb_pid="" geany_pid="" cb_pid=""
cleanup() {
  [ -n "$geany_pid" ] && kill "$geany_pid" 2>/dev/null || true
  [ -n "$cb_pid" ] && kill "$cb_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "SHARED STORE E2E FAILED: $*" >&2
  for host in geany codeblocks; do
    echo "--- $host: state log ---" >&2; cat "$work/$host/state.log" >&2 || true
    echo "--- $host: output (tail) ---" >&2; tail -n 20 "$work/$host.out" >&2 || true
  done
  exit 1
}

# shellcheck source=../scripts/private-xvfb.sh
. "$source/scripts/private-xvfb.sh"
start_private_xvfb || fail "could not start Xvfb"

# The checklist both editors will tick, made beforehand in the one store.
"$cli" --store "$data/rapport.sqlite3" attach "$doc" --template kickoff >/dev/null
items=$("$cli" --store "$data/rapport.sqlite3" show "$doc" | grep -cP '^\d+\t\[')
[ "$items" -ge 10 ] || fail "the kickoff checklist has only $items items"

for host in geany codeblocks; do : > "$work/$host/state.log"; : > "$work/$host/commands"; done
common_env=(XDG_DATA_HOME="$work/xdg/data" XDG_CONFIG_HOME="$work/xdg/config" XDG_CACHE_HOME="$work/xdg/cache"
            RAPPORT_DATA_DIR="$data" RAPPORT_ASSETS_DIR="$source/assets" LC_ALL=C.UTF-8 LANGUAGE=)
"$source/scripts/geany-profile" "$work/geany-config" "$geany_plugin" >/dev/null
env "${common_env[@]}" RAPPORT_TEST_CHANNEL="$work/geany" \
  geany -c "$work/geany-config" --new-instance --no-session "$doc" >"$work/geany.out" 2>&1 &
geany_pid=$!
"$source/scripts/codeblocks-profile" "$work/cb-profile" "$cb_plugin" "$cb_zip" >/dev/null
env "${common_env[@]}" RAPPORT_TEST_CHANNEL="$work/codeblocks" \
  codeblocks --user-data-dir="$work/cb-profile" --no-splash-screen --no-ipc --multiple-instance "$doc" \
  >"$work/codeblocks.out" 2>&1 &
cb_pid=$!

# wait_for HOST REGEX [SECONDS]: waits until HOST's state log has a matching line.
wait_for() {
  local host=$1 pattern=$2 limit=${3:-30} waited=0 pid
  [ "$host" = geany ] && pid=$geany_pid || pid=$cb_pid
  while [ "$waited" -lt $((limit * 10)) ]; do
    grep -qP -- "$pattern" "$work/$host/state.log" && return 0
    kill -0 "$pid" 2>/dev/null || { echo "$host exited while waiting for: $pattern" >&2; return 1; }
    sleep 0.1; waited=$((waited + 1))
  done
  echo "timed out after ${limit}s waiting in $host for: $pattern" >&2
  return 1
}

echo "both editors show the same document's checklist"
for host in geany codeblocks; do
  wait_for "$host" '^host-ready$' 90 || fail "$host did not start with the plugin"
  printf 'activate %s\n' "$doc" >> "$work/$host/commands"
  wait_for "$host" "^shown\t$D\tchecklist\titems=$items\tdone=0$" 30 || fail "$host does not show the checklist"
done

echo "both tick different items at once: Geany the even ones, Code::Blocks the odd ones"
for i in $(seq 0 9); do
  if [ $((i % 2)) = 0 ]; then host=geany; else host=codeblocks; fi
  printf 'tick %s\n' "$i" >> "$work/$host/commands"
done
for i in $(seq 0 9); do
  if [ $((i % 2)) = 0 ]; then host=geany; else host=codeblocks; fi
  wait_for "$host" "^ticked\t$D\titem=$((i + 1))\tdone=1$" || fail "$host's tick of item $((i + 1)) was not saved"
done

echo "both quit"
for host in geany codeblocks; do printf 'quit\n' >> "$work/$host/commands"; done
for pid_name in geany_pid cb_pid; do
  pid=${!pid_name} waited=0
  while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 300 ]; do sleep 0.1; waited=$((waited + 1)); done
  rc=0; wait "$pid" || rc=$?
  printf -v "$pid_name" '%s' ""
  [ "$rc" = 0 ] || fail "${pid_name%_pid} exited with status $rc"
done

echo "the store has every tick of both"
"$cli" --store "$data/rapport.sqlite3" show "$doc" > "$work/show.txt" || fail "rapport show failed"
for n in $(seq 1 10); do
  grep -qP "^$n\t\[x\]\t" "$work/show.txt" || { cat "$work/show.txt" >&2; fail "item $n's tick is lost"; }
done
[ "$items" -le 10 ] || grep -qP "^11\t\[ \]\t" "$work/show.txt" || fail "an item nobody ticked is ticked"
echo "SHARED STORE E2E OK: Geany and Code::Blocks ticked 10 items at once, none lost"
