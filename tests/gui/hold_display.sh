#!/usr/bin/env bash
# Part of two_ctest_runs.sh's suite, run on a private display: writes which display it got
# (the two runs must get different ones), holds it for a while, and checks that its server
# still answers, which it would not if the other run had been given it and killed it.
set -euo pipefail
echo "$DISPLAY" >display
sleep 3
xdpyinfo >/dev/null
