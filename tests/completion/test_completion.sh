#!/usr/bin/env bash
# The bash completion written by `rapport --bash-completion`, driven as bash drives it
# (COMP_WORDS, COMP_CWORD, the _rapport function, compgen): commands, options, option
# values, template keys from the tool itself, languages, document paths.
#   test_completion.sh RAPPORT COMPLETION_SCRIPT
set -uo pipefail
rapport=${1:?usage: test_completion.sh RAPPORT COMPLETION_SCRIPT}
script=${2:?usage: test_completion.sh RAPPORT COMPLETION_SCRIPT}
work=$(mktemp -d "${TMPDIR:-/tmp}/rapport-completion.XXXXXX")
trap 'rm -rf "$work"' EXIT
export RAPPORT_DATA_DIR=$work/data HOME=$work/home XDG_DATA_HOME=$work/xdg
# shellcheck source=/dev/null
source "$script"
complete -p rapport >/dev/null || { echo "FAIL: the script registers no completion for rapport"; exit 1; }

failures=0
# complete WORD... : what _rapport offers for the last word (sorted, one line).
complete_words() {
  COMP_WORDS=("$rapport" "$@")
  COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
  COMPREPLY=()
  _rapport 2>/dev/null
  printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//'
}
expect() { # expect "WANTED" WORD...
  local wanted=$1; shift
  local got; got=$(complete_words "$@")
  if [ "$got" != "$wanted" ]; then
    echo "FAIL: rapport $*<TAB>: wanted [$wanted], got [$got]"; failures=$((failures + 1))
  else
    echo "ok: rapport $*<TAB> -> $got"
  fi
}

expect "sections set share show" "s"
expect "relink rename report report-diff reports" "help" "re"
expect "--help --json" "show" "doc.md" "--"
expect "--help --template" "attach" "doc.md" "--"
expect "--help --store --version" "--"
expect "en ru tr zh_CN" "report" "doc.md" "--lang" ""
expect "html md pdf txt" "report" "doc.md" "--format" ""
expect "waiting" "set" "doc.md" "1" "--status" "w"
expect "client us" "set" "doc.md" "1" "--owner" ""
expect "kickoff" "attach" "doc.md" "--template" "ki"
expect "" "set" "doc.md" "1" "--note" ""
# Documents: paths, after --store too.
mkdir -p "$work/docs" && touch "$work/docs/brief.md" "$work/docs/budget.txt" "$work/docs/other.md"
expect "$work/docs/brief.md $work/docs/budget.txt" "show" "$work/docs/b"
expect "$work/docs/brief.md $work/docs/budget.txt" "--store" "$work/s.sqlite3" "attach" "$work/docs/b"
expect "$work/docs/other.md" "export" "$work/docs/brief.md" "-o" "$work/docs/o"
# Every command of the table is offered (compared with what --help lists).
listed=$(LC_ALL=C "$rapport" --help | sed -n 's/^  \([a-z][a-z-]*\).*/\1/p' | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//')
offered=$(complete_words "" | tr ' ' '\n' | grep -vx help | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//')
if [ "$listed" != "$offered" ] || [ -z "$listed" ]; then
  echo "FAIL: --help lists [$listed] but completion offers [$offered]"; failures=$((failures + 1))
fi
[ "$failures" = 0 ] && echo "all completions as expected"
exit $(( failures > 0 ))
