#!/usr/bin/env bash
# Checks the Debian packages scripts/package made: their names, contents and Depends, that
# their versions agree with CMake's project version and the plugin's manifest, and that
# the packaged rapport works from a throwaway root (dpkg -x, never the machine's own /usr):
# --help, --version, --json read back as JSON, Russian messages, templates found from
# where it is installed; and the packaged plugins in the real Code::Blocks and Geany (the
# end-to-end tests, run on the packaged files).
#   tests/package/check-packages.sh DIST_DIR
set -uo pipefail
cd "$(dirname "$0")/../.."
dist=${1:?usage: check-packages.sh DIST_DIR}
version=$(sed -n 's/^project(Rapport VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
arch=$(dpkg --print-architecture)
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }

cli=$dist/rapport_${version}_$arch.deb
cb=$dist/codeblocks-plugin-rapport_${version}_$arch.deb
geany=$dist/geany-plugin-rapport_${version}_$arch.deb
for deb in "$cli" "$cb" "$geany"; do
  [ -f "$deb" ] || { fail "missing $deb"; continue; }
  [ "$(dpkg-deb -f "$deb" Version)" = "$version" ] && ok "$(basename "$deb") is version $version" \
    || fail "$(basename "$deb") has version $(dpkg-deb -f "$deb" Version), not $version"
done
[ $failures = 0 ] || exit 1

contains() { # contains DEB PATH...
  local deb=$1; shift
  local listing; listing=$(dpkg-deb -c "$deb" | awk '{print $6}')
  for path in "$@"; do
    grep -qx "\./$path" <<<"$listing" && ok "$(basename "$deb") has /$path" || fail "$(basename "$deb") lacks /$path"
  done
}
contains "$cli" usr/bin/rapport usr/share/rapport/templates/kickoff.xml \
  usr/share/rapport/locale/ru/LC_MESSAGES/rapport.mo usr/share/rapport/locale/zh_CN/LC_MESSAGES/rapport.mo \
  usr/share/man/man1/rapport.1.gz usr/share/bash-completion/completions/rapport \
  usr/share/doc/rapport/copyright usr/share/doc/rapport/changelog.gz
contains "$cb" usr/lib/codeblocks/plugins/libRapport.so usr/share/codeblocks/Rapport.zip \
  usr/share/doc/codeblocks-plugin-rapport/copyright
contains "$geany" usr/share/doc/geany-plugin-rapport/copyright
# Nothing in the user's own folder, and no template outside /usr/share/rapport.
for deb in "$cli" "$cb" "$geany"; do
  listing=$(dpkg-deb -c "$deb" | awk '{print $6}')
  grep -v '^\./usr/' <<<"$listing" | grep -v '^\./$' | grep -q . && fail "$(basename "$deb") installs outside /usr: $(grep -v '^\./usr/' <<<"$listing" | tr '\n' ' ')"
  grep '^\./usr/share/rapport/templates/.' <<<"$listing" | grep -qv '\.xml$' && fail "$(basename "$deb"): not a template in the templates folder"
done

# Depends: from dpkg-shlibdeps, plus the exact host and the data package.
cb_version=$(dpkg-query -W -f='${Version}' codeblocks)
depends_cb=$(dpkg-deb -f "$cb" Depends)
grep -qF "codeblocks (= $cb_version)" <<<"$depends_cb" && ok "the Code::Blocks plugin depends on codeblocks (= $cb_version)" \
  || fail "codeblocks-plugin-rapport Depends: $depends_cb"
grep -qF "rapport (= $version)" <<<"$depends_cb" || fail "codeblocks-plugin-rapport does not depend on rapport (= $version)"
grep -q "libwxgtk3.2" <<<"$depends_cb" && ok "shlibdeps named wx" || fail "no shared-library Depends in: $depends_cb"
depends_cli=$(dpkg-deb -f "$cli" Depends)
grep -q "libsqlite3" <<<"$depends_cli" && ok "rapport depends on libsqlite3 (shlibdeps)" || fail "rapport Depends: $depends_cli"

# The plugin's manifest carries the same version.
root=$(mktemp -d "${TMPDIR:-/tmp}/rapport-packages.XXXXXX")
trap 'rm -rf "$root"' EXIT
for deb in "$cli" "$cb" "$geany"; do dpkg-deb -x "$deb" "$root/usr-root"; done
# (One version line per plugin it lists: the sidebar and the Markdown opener.)
manifest_version=$(unzip -p "$root/usr-root/usr/share/codeblocks/Rapport.zip" manifest.xml | sed -n 's/.*<Value version="\([^"]*\)".*/\1/p' | sort -u)
[ "$manifest_version" = "$version" ] && ok "manifest.xml says $version" || fail "manifest.xml says $manifest_version"

# The packaged tool, run from the throwaway root: relocatable, so its data is found there.
rapport=$root/usr-root/usr/bin/rapport
mkdir -p "$root/home"
export RAPPORT_DATA_DIR=$root/data HOME=$root/home XDG_DATA_HOME=$root/xdg LC_ALL= LC_MESSAGES= LANGUAGE=
unset RAPPORT_ASSETS_DIR RAPPORT_LOCALE_DIR
# (Output captured first: grep -q closing the pipe early would fail the pipeline.)
help=$(LANG=C "$rapport" --help) && grep -q "^usage: rapport" <<<"$help" && ok "rapport --help" || fail "rapport --help"
[ "$(LANG=C "$rapport" --version)" = "rapport $version" ] && ok "rapport --version" || fail "rapport --version: $("$rapport" --version)"
LANG=C "$rapport" templates --json >"$root/templates.json" || fail "rapport templates --json exited $?"
python3 - "$root/templates.json" "$root/usr-root/usr/share/rapport/templates/" <<'PY' && ok "templates --json parses, from the package's share/rapport" || fail "templates --json"
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
keys = [t["key"] for t in d["templates"]]
assert "kickoff" in keys, keys
assert all(t["file"].startswith(sys.argv[2]) for t in d["templates"]), d
PY
echo "# Brief" >"$root/brief.md"
LANG=C "$rapport" attach "$root/brief.md" --template kickoff >/dev/null || fail "attach"
LANG=C "$rapport" show "$root/brief.md" --json | python3 -c 'import json, sys; d = json.load(sys.stdin); assert len(d["items"]) == 11' \
  && ok "show --json parses" || fail "show --json"
help=$(LANG=ru_RU.UTF-8 "$rapport" --help) && grep -q "Команды:" <<<"$help" && ok "--help in Russian" || fail "--help in Russian"
again=$(LANG=ru_RU.UTF-8 "$rapport" attach "$root/brief.md" --template kickoff 2>&1)
grep -q "уже" <<<"$again" && ok "messages in Russian from the packaged catalogues" || fail "messages in Russian: $again"
man=$(zcat "$root/usr-root/usr/share/man/man1/rapport.1.gz") && grep -q '^\.TH RAPPORT 1' <<<"$man" && ok "man page" || fail "man page"

# The packaged plugins in the real editors, each in a throwaway profile under a private
# Xvfb: the same end-to-end tests as the build's, on the plugin files the packages install
# and the packaged rapport. (The tests copy the plugin into the profile and take templates
# from the source tree, as for the build's plugin: the lookup from the install prefix is
# checked above with the packaged rapport.) Failure screenshots stay in DIST_DIR.
source_dir=$PWD
cb_plugin=$root/usr-root/usr/lib/codeblocks/plugins/libRapport.so
geany_plugin=$(find "$root/usr-root/usr/lib" -path '*geany*' -name 'rapport.so' | head -n 1)
if bash tests/e2e/codeblocks_e2e.sh --plugin "$cb_plugin" --zip "$root/usr-root/usr/share/codeblocks/Rapport.zip" \
     --cli "$rapport" --source "$source_dir" --artifacts "$dist/e2e-artifacts" >"$root/codeblocks-e2e.log" 2>&1; then
  ok "the packaged plugin in the real Code::Blocks (end to end)"
else
  tail -n 30 "$root/codeblocks-e2e.log"; fail "the packaged plugin in Code::Blocks"
fi
if [ -n "$geany_plugin" ] && bash tests/e2e/geany_e2e.sh --plugin "$geany_plugin" --cli "$rapport" \
     --source "$source_dir" --artifacts "$dist/e2e-artifacts" >"$root/geany-e2e.log" 2>&1; then
  ok "the packaged plugin in the real Geany (end to end)"
else
  tail -n 30 "$root/geany-e2e.log" 2>/dev/null; fail "the packaged plugin in Geany (${geany_plugin:-not in the package})"
fi

[ $failures = 0 ] && echo "packages as expected"
exit $(( failures > 0 ))
