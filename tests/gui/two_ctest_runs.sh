#!/usr/bin/env bash
# Two ctest runs of the GUI and end-to-end tests side by side, as two engineers (or a test
# beside the demo) would run them on one machine: each test starts its own Xvfb, which
# picks a free display itself (-displayfd), so neither run can take or kill the other's.
#   two_ctest_runs.sh SUITE   SUITE: a folder holding a CTestTestfile.cmake
# Each run works in a copy of SUITE, so the two keep their own logs and artifacts.
set -uo pipefail
suite=${1:?usage: two_ctest_runs.sh SUITE}
work=$(mktemp -d "${TMPDIR:-/tmp}/rapport-side-by-side.XXXXXX")
trap 'rm -rf "$work"' EXIT
for run in 1 2; do
  mkdir -p "$work/$run"
  cp "$suite/CTestTestfile.cmake" "$work/$run/"
  ctest --test-dir "$work/$run" --output-on-failure >"$work/$run.log" 2>&1 &
  eval "pid$run=$!"
done
# shellcheck disable=SC2154
wait "$pid1"; first=$?
# shellcheck disable=SC2154
wait "$pid2"; second=$?
for run in 1 2; do echo "== run $run"; cat "$work/$run.log"; done
if [ "$first" -ne 0 ] || [ "$second" -ne 0 ]; then
  echo "two_ctest_runs: run 1 exited $first, run 2 exited $second" >&2
  exit 1
fi
# The suite's display test wrote the display it was given: never the same one twice.
one=$(cat "$work/1/display" 2>/dev/null || true)
two=$(cat "$work/2/display" 2>/dev/null || true)
if [ -z "$one" ] || [ "$one" = "$two" ]; then
  echo "two_ctest_runs: both runs were given display '$one'" >&2
  exit 1
fi
echo "two_ctest_runs: both runs passed side by side, on displays $one and $two"
