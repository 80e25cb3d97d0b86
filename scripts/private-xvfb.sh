# Sourced by scripts and tests that need a display of their own.
# start_private_xvfb [SCREEN]: starts a private Xvfb and lets it choose a free display itself
# (-displayfd), so two test runs, or a test beside the demo, never share or kill one server;
# exports DISPLAY and sets xvfb_pid. Returns non-zero when no server could be started.
start_private_xvfb() {
  local screen=${1:-1400x900x24} answer n
  answer=$(mktemp "${TMPDIR:-/tmp}/rapport-xvfb.XXXXXX") || return 1
  Xvfb -displayfd 3 -screen 0 "$screen" -nolisten tcp 3>"$answer" >/dev/null 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 1 200); do
    [ -s "$answer" ] && break
    kill -0 "$xvfb_pid" 2>/dev/null || break
    sleep 0.05
  done
  n=$(head -n 1 "$answer" 2>/dev/null)
  rm -f "$answer"
  if [ -z "$n" ]; then
    kill "$xvfb_pid" 2>/dev/null || true
    xvfb_pid=""
    return 1
  fi
  export DISPLAY=":$n"
  return 0
}
