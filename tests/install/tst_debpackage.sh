#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Costscape contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Usage: tst_debpackage.sh BUILD_DIR SOURCE_DIR BUILT_CLI VERSION
# Packs BUILD_DIR with `cpack -G DEB` into a temporary directory, checks the control data and the
# file list, unpacks the package with `dpkg-deb -x` and runs what it installed from there: the
# binaries must work without the source or build tree, and the desktop integration files must
# pass the freedesktop validators. Exit 0 pass, 1 fail, 77 skip.
set -uo pipefail

build_dir=$1 source_dir=$2 built_cli=$3 version=$4
app_id=io.github.costscape.Costscape
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "PASS: $*"; }

missing=()
for tool in cmake cpack dpkg-deb dpkg-shlibdeps dpkg-query file readelf ldd appstreamcli desktop-file-validate update-mime-database; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "SKIP: missing ${missing[*]} (script/bootstrap installs dpkg-dev, file, appstream, desktop-file-utils, shared-mime-info)"
    exit 77
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/costscape-deb.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# A plain `cpack` first builds the `preinstall` target, i.e. the whole tree: inside ctest that
# would relink executables other tests are running, and take minutes in a tree with edits. So
# the test stages the install rules itself (`cmake --install --strip`, which builds nothing; the
# build before ctest is what it packs) and hands that tree to cpack with the project's own
# package settings. The package lands in the temporary directory (the build tree only gets
# cmake's install_manifest.txt).
# Staged under /usr, the prefix Debian packages use.
if ! DESTDIR="$tmp/stage" cmake --install "$build_dir" --prefix /usr --strip >"$tmp/install.log" 2>&1; then
    cat "$tmp/install.log" >&2
    echo "FAIL: cmake --install $build_dir" >&2
    exit 1
fi
cat >"$tmp/CPackConfig.cmake" <<CONFIG
include("$build_dir/CPackConfig.cmake")
set(CPACK_INSTALL_CMAKE_PROJECTS "")
set(CPACK_INSTALLED_DIRECTORIES "$tmp/stage;.")
CONFIG
if ! cpack -G DEB -B "$tmp/pkg" --config "$tmp/CPackConfig.cmake" >"$tmp/cpack.log" 2>&1; then
    cat "$tmp/cpack.log" >&2
    echo "FAIL: cpack -G DEB" >&2
    exit 1
fi
debs=("$tmp"/pkg/costscape_"$version"_*.deb)
if [ ${#debs[@]} -ne 1 ] || [ ! -f "${debs[0]}" ]; then
    ls -l "$tmp/pkg" >&2
    echo "FAIL: expected one costscape_${version}_<arch>.deb" >&2
    exit 1
fi
deb=${debs[0]}
pass "cpack wrote $(basename "$deb") ($(stat -c %s "$deb") bytes)"

field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = costscape ] && pass "Package: costscape" || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$version" ] && pass "Version: $version" || fail "Version is '$(field Version)'"
for f in Maintainer Section Homepage Description; do
    [ -n "$(field "$f")" ] && pass "$f is set" || fail "control field $f is empty"
done

# Every shared library the installed binaries load must come from a package the .deb depends on,
# or `apt install ./costscape_*.deb` on a fresh system leaves the program unable to start.
depends=" $(field Depends | sed -E 's/\([^)]*\)//g; s/[,|]/ /g') "
echo "Depends: $(field Depends)"

dpkg-deb -x "$deb" "$tmp/root"
root=$tmp/root
expected=(
    usr/bin/costscape
    usr/bin/costscape-cli
    usr/share/applications/$app_id.desktop
    usr/share/metainfo/$app_id.metainfo.xml
    usr/share/icons/hicolor/scalable/apps/$app_id.svg
    usr/share/mime/packages/$app_id.xml
    usr/share/doc/costscape/copyright
    usr/share/doc/costscape/README.md
    usr/share/doc/costscape/LICENSE
    usr/share/doc/costscape/examples/web-api.costscape.json
)
before=$failures
for f in "${expected[@]}"; do
    [ -f "$root/$f" ] || fail "the package has no /$f"
done
[ "$failures" -eq "$before" ] && pass "the package holds the ${#expected[@]} expected files"
if [ ! -x "$root/usr/bin/costscape-cli" ] || [ ! -x "$root/usr/bin/costscape" ]; then
    echo "FAIL: nothing to run" >&2
    exit 1
fi

# The paths of the libraries a binary names itself (DT_NEEDED), as the loader resolves them; what
# they need in turn is their own packages' business.
needed_paths() {
    local sonames
    sonames=$(readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
    ldd "$1" | awk -v names="$sonames" 'BEGIN { n = split(names, a, "\n"); for (i = 1; i <= n; i++) want[a[i]] = 1 }
                                         $1 in want && $3 ~ /^\// { print $3 }'
}
before=$failures
for bin in costscape costscape-cli; do
    [ -n "$(needed_paths "$root/usr/bin/$bin")" ] || fail "cannot list the libraries $bin loads"
    while read -r lib; do
        owner=$(dpkg-query -S "$lib" 2>/dev/null | head -n1 | cut -d: -f1)
        if [ -z "$owner" ]; then
            # usrmerge: ldd says /lib/..., dpkg knows /usr/lib/... (or the other way round).
            alt=${lib#/usr}; [ "$alt" = "$lib" ] && alt=/usr$lib
            owner=$(dpkg-query -S "$alt" 2>/dev/null | head -n1 | cut -d: -f1)
        fi
        if [ -z "$owner" ]; then
            fail "$bin loads $lib, which no Debian package owns"
        elif [[ "$depends" != *" $owner "* ]]; then
            fail "$bin loads $lib from $owner, which Depends does not name"
        fi
    done < <(needed_paths "$root/usr/bin/$bin")
    # Stripped, and no path into the tree it was built in (no test data, no embedded source path).
    file -b "$root/usr/bin/$bin" | grep -q 'not stripped' && fail "$bin is not stripped"
    grep -qF "$source_dir/" "$root/usr/bin/$bin" && fail "$bin contains the source path $source_dir/"
done
[ "$failures" -eq "$before" ] && pass "Depends covers every library the binaries load; stripped; no source paths"

# Run from an empty directory with a bare environment: nothing may come from the source tree.
mkdir "$tmp/cwd"
mkdir -m 700 "$tmp/runtime"
run() {
    (cd "$tmp/cwd" && env -i PATH=/usr/bin:/bin HOME="$tmp/cwd" XDG_RUNTIME_DIR="$tmp/runtime" \
        QT_QPA_PLATFORM=offscreen "$@")
}

out=$(run "$root/usr/bin/costscape-cli" --version 2>&1) && [[ "$out" == *"$version"* ]] \
    && pass "costscape-cli --version: $out" || fail "costscape-cli --version printed '$out'"
out=$(run "$root/usr/bin/costscape" --version 2>&1) && [[ "$out" == *"$version"* ]] \
    && pass "costscape --version: $out" || fail "costscape --version printed '$out'"

# The sample scenario uses the embedded price sheet; the stripped, installed binary must price it
# exactly as the binary in the build tree does.
sample=$root/usr/share/doc/costscape/examples/web-api.costscape.json
if run "$root/usr/bin/costscape-cli" evaluate "$sample" --format json >"$tmp/installed.json" 2>"$tmp/installed.err"; then
    if ! grep -q '"monthlyCost"' "$tmp/installed.json"; then
        fail "evaluate of the installed sample printed no monthlyCost"
    elif ! "$built_cli" evaluate "$sample" --format json >"$tmp/built.json" 2>/dev/null; then
        fail "the built costscape-cli cannot evaluate the installed sample"
    elif ! cmp -s "$tmp/installed.json" "$tmp/built.json"; then
        diff "$tmp/built.json" "$tmp/installed.json" | head -20 >&2
        fail "the installed costscape-cli prices the sample differently from the built one"
    else
        pass "the installed costscape-cli evaluates the installed sample with the embedded prices"
    fi
else
    cat "$tmp/installed.err" >&2
    fail "costscape-cli evaluate of the installed sample"
fi

# A report draws its charts with Qt's offscreen platform plugin when there is no display: the
# plugin must come from the system's Qt (libqt6gui6), not from the build machine.
if run "$root/usr/bin/costscape-cli" evaluate "$sample" --format pdf -o "$tmp/cwd/report.pdf" >"$tmp/pdf.log" 2>&1 \
    && [ "$(head -c 5 "$tmp/cwd/report.pdf" 2>/dev/null)" = "%PDF-" ]; then
    pass "the installed costscape-cli writes a PDF report without a display"
else
    cat "$tmp/pdf.log" >&2
    fail "the installed costscape-cli cannot write a PDF report"
fi

# Desktop integration, validated where it was installed.
if appstreamcli validate --no-net "$root/usr/share/metainfo/$app_id.metainfo.xml" >"$tmp/as.log" 2>&1; then
    pass "appstreamcli validate --no-net"
else
    cat "$tmp/as.log" >&2
    fail "appstreamcli validate --no-net"
fi
if desktop-file-validate "$root/usr/share/applications/$app_id.desktop" >"$tmp/dfv.log" 2>&1 && [ ! -s "$tmp/dfv.log" ]; then
    pass "desktop-file-validate"
else
    cat "$tmp/dfv.log" >&2
    fail "desktop-file-validate"
fi
desktop=$root/usr/share/applications/$app_id.desktop
grep -qx 'Exec=costscape %f' "$desktop" || fail "the desktop entry does not open a file with Exec=costscape %f"
grep -qx "Icon=$app_id" "$desktop" || fail "the desktop entry's Icon is not $app_id"
grep -q '^MimeType=.*application/x-costscape-scenario;' "$desktop" \
    || fail "the desktop entry does not claim application/x-costscape-scenario"

# Build a MIME database from the installed package: *.costscape.json must map to the scenario type.
mkdir -p "$tmp/mime/packages"
cp "$root/usr/share/mime/packages/$app_id.xml" "$tmp/mime/packages/"
if update-mime-database "$tmp/mime" >"$tmp/mime.log" 2>&1 \
    && grep -qx '60:application/x-costscape-scenario:\*\.costscape\.json' "$tmp/mime/globs2"; then
    pass "update-mime-database maps *.costscape.json to application/x-costscape-scenario"
else
    cat "$tmp/mime.log" "$tmp/mime/globs2" >&2 2>/dev/null
    fail "the MIME package does not map *.costscape.json to application/x-costscape-scenario"
fi

# The icon is well-formed SVG with the square view box icon themes expect.
grep -q 'viewBox="0 0 128 128"' "$root/usr/share/icons/hicolor/scalable/apps/$app_id.svg" \
    || fail "the icon has no 128x128 viewBox"

[ "$failures" -eq 0 ] || { echo "$failures check(s) failed" >&2; exit 1; }
echo "all checks passed"
