# shellcheck shell=bash disable=SC2154  # source, artifacts, e2e_host, e2e_name: set by the sourcing script
# What the end-to-end tests of one host share (codeblocks_e2e.sh, geany_e2e.sh): sourced
# once their arguments are read. It expects `source`, `artifacts`, `e2e_host` (the host's
# name in messages and its window title) and `e2e_name` (a word for the temporary folder
# and the failure screenshot), and gives the scratch folders, two example documents, a
# private Xvfb, and the helpers below. The host's start function sets `host_pid` and
# writes the host's output to "$host_out".

work=$(mktemp -d "/tmp/rapport-$e2e_name.XXXXXX")
channel=$work/channel
data=$work/data
docs=$work/docs
host_out=$work/host.out
mkdir -p "$channel" "$data" "$docs" "$artifacts"
cp "$source"/examples/* "$docs"/
doc_a=$(realpath "$docs/project-brief.md")
doc_b=$(realpath "$docs/заметки-клиент-客户.md")
state=$channel/state.log
: > "$state"

xvfb_pid="" host_pid=""
cleanup() {
  [ -n "$host_pid" ] && kill "$host_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

shoot() { import -window root "$1" 2>/dev/null; }

fail() {
  echo "E2E FAILED: $*" >&2
  echo "--- plugin state log ---" >&2; cat "$state" >&2 || true
  echo "--- $e2e_host output (tail) ---" >&2; tail -n 40 "$host_out" >&2 || true
  shoot "$artifacts/$e2e_name-failure.png" || true
  exit 1
}

# A private X server, whatever $DISPLAY says: the test never draws on the user's screen.
# shellcheck source=../../scripts/private-xvfb.sh
. "$source/scripts/private-xvfb.sh"
start_private_xvfb || fail "could not start Xvfb"

# wait_for SINCE_LINE REGEX [SECONDS]: waits until a state line after SINCE_LINE matches.
wait_for() {
  local since=$1 pattern=$2 limit=${3:-30} waited=0
  while [ "$waited" -lt $((limit * 10)) ]; do
    if tail -n +"$((since + 1))" "$state" | grep -qP -- "$pattern"; then return 0; fi
    kill -0 "$host_pid" 2>/dev/null || { echo "$e2e_host exited while waiting for: $pattern" >&2; return 1; }
    sleep 0.1; waited=$((waited + 1))
  done
  echo "timed out after ${limit}s waiting for: $pattern" >&2
  return 1
}
mark() { wc -l < "$state"; }
send() { printf '%s\n' "$1" >> "$channel/commands"; }

# quit_host: the adapter's quit; the host must exit within 30 s, with status 0.
quit_host() {
  send quit
  local waited=0
  while kill -0 "$host_pid" 2>/dev/null && [ "$waited" -lt 300 ]; do sleep 0.1; waited=$((waited + 1)); done
  kill -0 "$host_pid" 2>/dev/null && fail "$e2e_host did not exit within 30 s of quit"
  local rc=0; wait "$host_pid" || rc=$?
  host_pid=""
  [ "$rc" = 0 ] || fail "$e2e_host exited with status $rc"
}

# The other direction, once the host was started without the plugin: the wait for the
# plugin must fail, so a plugin that does not load can never pass for one that does.
expect_no_plugin() {
  for _ in $(seq 1 300); do xdotool search --name "$e2e_host" >/dev/null 2>&1 && break; sleep 0.1; done
  xdotool search --name "$e2e_host" >/dev/null 2>&1 || fail "$e2e_host did not start at all"
  if wait_for 0 '^plugin-attached' 8 2>/dev/null; then
    fail "the plugin reported itself loaded although it was not installed"
  fi
  echo "E2E OK: without the plugin the wait for it fails, as it must"
  exit 0
}

esc() { printf '%s' "$1" | sed 's/[][\.*^$+?(){}|]/\\&/g'; }
A=$(esc "$doc_a"); B=$(esc "$doc_b")
