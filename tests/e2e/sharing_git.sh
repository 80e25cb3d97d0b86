#!/usr/bin/env bash
# Sharing a checklist through git, end to end, with the real `git` and the real `rapport`:
# two clones of one bare repository, each with its own store and its own user.name.
#   1. Ana attaches, shares, commits and pushes; Bo pulls and sees the checklist.
#   2. Both change ticks, notes, items and sections, and the same field on both sides;
#      with the merge driver (rapport git-setup) the pulls both ways never conflict, leave
#      no markers, both show identical checklists, and every change is in both histories.
#   3. Without the driver: git leaves conflict markers; rapport repairs them on read.
#   4. A Syncthing conflict copy beside the sidecar is folded in and removed.
# The client log travels with the checklist: entries made before sharing, and entries,
# promises and resolutions made on both sides, end the same in both clones.
# usage: sharing_git.sh --cli PATH/TO/rapport
set -euo pipefail

cli=""
while [ $# -gt 0 ]; do
  case "$1" in
    --cli) cli=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -x "$cli" ] || { echo "sharing_git: --cli must name the rapport binary" >&2; exit 2; }
command -v git >/dev/null || { echo "sharing_git: git is not installed" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/rapport-sharing-git.XXXXXX")
trap '[ -n "${RAPPORT_KEEP_WORK:-}" ] || rm -rf "$work"' EXIT
# Nobody's own git configuration or Rapport data: a home of the test's own.
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
export GIT_CONFIG_NOSYSTEM=1 GIT_TERMINAL_PROMPT=0 LC_ALL=C.UTF-8
mkdir -p "$HOME"
git config --global init.defaultBranch main
git config --global pull.rebase false
git config --global advice.detachedHead false

fail() { echo "sharing_git: FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }

# rapport as one person: their clone, their store.
as() {
  local who=$1; shift
  (cd "$work/$who" && RAPPORT_DATA_DIR="$work/store-$who" "$cli" "$@")
}
gitas() { local who=$1; shift; git -C "$work/$who" "$@"; }
clone() {
  local who=$1 name=$2
  git clone -q "$work/origin.git" "$work/$who"
  gitas "$who" config user.name "$name"
  gitas "$who" config user.email "$who@example.com"
}
sidecar() { echo "$work/$1/.rapport/brief.md.rapport"; }
no_markers() { ! grep -qE '^(<<<<<<<|=======|>>>>>>>)' "$(sidecar "$1")" || fail "markers left in $1's sidecar"; }
same_checklist() {
  as ana show brief.md >"$work/show-ana" 2>"$work/err-ana"
  as bo show brief.md >"$work/show-bo" 2>"$work/err-bo"
  diff -u "$work/show-ana" "$work/show-bo" || fail "Ana and Bo show different checklists"
  as ana sections brief.md >"$work/sections-ana"
  as bo sections brief.md >"$work/sections-bo"
  diff -u "$work/sections-ana" "$work/sections-bo" || fail "Ana and Bo show different sections"
}
same_log() {
  as ana log brief.md >"$work/log-ana"
  as bo log brief.md >"$work/log-bo"
  diff -u "$work/log-ana" "$work/log-bo" || fail "Ana and Bo show different client logs"
}
# Every change in the sidecar is in the person's history (column 8: the change id).
all_in_history() {
  local who=$1
  cut -d' ' -f3 "$(sidecar "$who")" | grep -E '^[0-9a-f]{16}$' | sort -u >"$work/ids-file"
  as "$who" history brief.md | cut -f8 | sort -u >"$work/ids-history"
  local missing
  missing=$(comm -23 "$work/ids-file" "$work/ids-history")
  [ -z "$missing" ] || fail "$who's history lacks changes: $missing"
}

git init -q --bare "$work/origin.git"

step "1. Ana attaches a checklist, shares it and pushes; Bo pulls and sees it"
clone ana "Ana Lima"
printf '# Brief\n\nThe client wants a new site.\n' >"$work/ana/brief.md"
as ana attach brief.md --template kickoff >/dev/null
as ana add brief.md "Send the Friday update" >/dev/null
as ana add brief.md "Book the kickoff room" >/dev/null
as ana add-section brief.md "Logistics" >/dev/null
as ana log brief.md add --kind request --channel call --said "Can we see the mock-ups?" \
  --promise "Send the mock-ups" --due 2031-01-10 >/dev/null
as ana log brief.md add --kind complaint --channel email --said "The staging site is down" --internal >/dev/null
as ana share brief.md | grep -q "Shared:" || fail "share said nothing"
as ana git-setup . >/dev/null
grep -qxF '**/.rapport/*.rapport merge=rapport' "$work/ana/.gitattributes" || fail ".gitattributes line missing"
gitas ana config merge.rapport.driver | grep -q "merge-sidecar %O %A %B" || fail "merge driver not registered"
as ana git-setup . >/dev/null # twice: nothing added twice
[ "$(grep -c 'merge=rapport' "$work/ana/.gitattributes")" = 1 ] || fail "git-setup added its line twice"
gitas ana add -A
gitas ana commit -qm "Brief with its checklist"
gitas ana push -q origin main

clone bo "Bo Chen"
as bo git-setup . >/dev/null
[ -f "$(sidecar bo)" ] || fail "Bo's clone has no sidecar"
same_checklist
grep -q "Send the Friday update" "$work/show-bo" || fail "Bo does not see Ana's items"
same_log
grep -q "Can we see the mock-ups?" "$work/log-bo" || fail "Bo does not see Ana's client log"
grep -q "Send the mock-ups" "$work/show-bo" || fail "Bo does not see Ana's promise"

step "2. Both change the checklist; pulls both ways merge with the driver"
item() { grep -F "$2" "$work/show-$1" | head -n1 | cut -f1; }
section() { as "$1" sections brief.md | grep -F "$2" | head -n1 | cut -f1; }
friday=$(item ana "Send the Friday update")
room=$(item ana "Book the kickoff room")
logistics=$(section ana "Logistics")
# Ana: ticks, notes, an item added and moved, a section added, the same fields as Bo.
as ana set brief.md scope-in-out --status done
as ana set brief.md deadlines --note "Ana: agreed on the phone"
as ana add brief.md "Ana's new item" >/dev/null
as ana move brief.md "$friday" 0
as ana add-section brief.md "Ana's section" >/dev/null
as ana set brief.md budget --status blocked --reason "No signature yet"
as ana set brief.md communication-plan --note "Ana's note on the plan"
as ana log brief.md add --kind change-request --channel meeting --said "Ana heard: add a French version" >/dev/null
as ana log brief.md resolve 2 --resolution "Ana restarted the server" >/dev/null
sleep 0.1 # Bo's edits of the same fields come later by the clock: his win
# Bo: ticks, notes, an item added and another deleted, a section moved and one deleted.
as bo set brief.md budget --status done
as bo set brief.md communication-plan --note "Bo's note on the plan"
as bo add brief.md "Bo's new item" >/dev/null
as bo delete brief.md "$room"
as bo move-section brief.md "$logistics" 0
as bo delete-section brief.md delivery
as bo set brief.md deadlines --due 2031-03-31
as bo log brief.md add --kind request --channel call --said "Bo heard: send the invoice" \
  --promise "Bo's promise: the invoice" --due 2031-02-01 >/dev/null
as bo log brief.md resolve 2 --resolution "Bo moved the site to a new host" >/dev/null
for who in ana bo; do
  gitas "$who" add -A
  gitas "$who" commit -qm "$who's changes"
done
gitas bo push -q origin main
gitas ana pull -q origin main >"$work/pull-ana" 2>&1 || { cat "$work/pull-ana"; fail "Ana's pull conflicted"; }
[ -z "$(gitas ana diff --name-only --diff-filter=U)" ] || fail "unmerged files after Ana's pull"
no_markers ana
gitas ana push -q origin main
gitas bo pull -q origin main >"$work/pull-bo" 2>&1 || { cat "$work/pull-bo"; fail "Bo's pull conflicted"; }
no_markers bo
same_checklist
# Ana's first command after the pull read Bo's changes and said whose status won.
grep -q "Bo Chen set Done at .*; your Blocked is in the history" "$work/err-ana" ||
  { cat "$work/err-ana"; fail "Ana was not told that Bo's later status replaced hers"; }
grep -q "Ana's new item" "$work/show-bo" || fail "Ana's item is missing"
grep -q "Bo's new item" "$work/show-ana" || fail "Bo's item is missing"
! grep -q "Book the kickoff room" "$work/show-ana" || fail "Bo's deletion is missing"
! grep -q "Agree how the work is delivered" "$work/show-ana" || fail "Bo's section deletion is missing"
grep "Confirm the budget" "$work/show-ana" | grep -qP "\tdone\t" || fail "the later status (Bo's done) did not win"
grep "Agree milestones and deadlines" "$work/show-ana" | grep -qF "2031-03-31" || fail "Bo's due date is missing"
[ "$(head -n1 "$work/sections-ana" | cut -f2)" = "Logistics" ] || fail "Bo's section move is missing"
grep -q "Ana's section" "$work/sections-bo" || fail "Ana's section is missing"
[ "$(grep -P "^$friday\t" "$work/show-ana" | head -n1 | cut -f3)" = "Send the Friday update" ] || fail "Ana's item move went wrong"
as ana history brief.md >"$work/history-ana"
as bo history brief.md >"$work/history-bo"
grep -q "Bo Chen" "$work/history-ana" || fail "Bo's changes are not in Ana's history"
grep -q "Ana Lima" "$work/history-bo" || fail "Ana's changes are not in Bo's history"
for h in "$work/history-ana" "$work/history-bo"; do
  grep -P "\tstatus\t" "$h" | grep -q "blocked" || fail "the losing status left the history ($h)"
  grep -q "Ana's note on the plan" "$h" || fail "the losing note left the history ($h)"
  grep -q "Bo's note on the plan" "$h" || fail "the winning note is not in the history ($h)"
done
all_in_history ana
all_in_history bo
cmp -s "$(sidecar ana)" "$(sidecar bo)" || fail "the two sidecars differ after the merge"
same_log
grep -q "Ana heard: add a French version" "$work/log-bo" || fail "Ana's log entry is missing"
grep -q "Bo heard: send the invoice" "$work/log-ana" || fail "Bo's log entry is missing"
grep -q "Bo's promise: the invoice" "$work/show-ana" || fail "Bo's promise is missing"
grep -q "Bo moved the site to a new host" "$work/log-ana" || fail "the later resolution (Bo's) did not win"
grep -q "Ana restarted the server" "$work/history-bo" || fail "the losing resolution left the history"

step "3. Without the driver, git leaves conflict markers; rapport repairs them on read"
for who in ana bo; do gitas "$who" config --remove-section merge.rapport; done
cp "$(sidecar ana)" "$work/base.rapport"
as ana set brief.md payment-terms --note "Ana, without the driver"
as bo set brief.md communication-plan --status in-progress
# As a sidebar leaves the file for a moment (its lines appended at the end, not yet
# sorted into place), so that git's own merge has both sides adding at the same spot.
for who in ana bo; do
  { cat "$work/base.rapport"; comm -13 <(sort "$work/base.rapport") <(sort "$(sidecar "$who")"); } >"$work/unsettled"
  cp "$work/unsettled" "$(sidecar "$who")"
  gitas "$who" add -A
  gitas "$who" commit -qm "$who, no driver"
done
gitas bo push -q origin main
if gitas ana pull -q origin main >/dev/null 2>&1; then
  fail "expected a textual conflict without the driver"
fi
grep -q '^<<<<<<<' "$(sidecar ana)" || fail "git left no markers to repair"
as ana show brief.md >"$work/show-ana" 2>"$work/repair-ana"
grep -q "conflict markers" "$work/repair-ana" || fail "the repair was not reported"
no_markers ana
grep "Make a communication plan" "$work/show-ana" | grep -qP "\tin-progress\t" || fail "Bo's change is missing after the repair"
as ana history brief.md | grep -q "Ana, without the driver" || fail "Ana's change is missing after the repair"
gitas ana add -A
gitas ana commit -qm "Merged; rapport repaired the sidecar"
gitas ana push -q origin main
gitas bo pull -q origin main
same_checklist
cmp -s "$(sidecar ana)" "$(sidecar bo)" || fail "the two sidecars differ after the repair"

step "4. A Syncthing conflict copy is folded in and removed"
copy="$work/ana/.rapport/brief.md.sync-conflict-20240102-101112-ABCDEF7.rapport"
as bo set brief.md scope-in-out --note "Bo, through Syncthing"
cp "$(sidecar bo)" "$copy"
as ana show brief.md >/dev/null 2>"$work/fold-ana"
grep -q "conflict copy" "$work/fold-ana" || { cat "$work/fold-ana"; fail "folding the copy was not reported"; }
[ ! -e "$copy" ] || fail "the conflict copy is still there"
as ana history brief.md | grep -q "Bo, through Syncthing" || fail "the copy's change is missing"
same_checklist

step "all good"
