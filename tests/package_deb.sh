#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the .deb with CPack, unpacks it into a throwaway root (no dpkg database touched,
# nothing installed on this machine) and checks what a Debian user would get: both programs
# running, the menu entry, valid AppStream data and the icon.
set -euo pipefail
build=${1:?usage: package_deb.sh BUILD_DIR}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || {
  cat "$work/cpack.log"; exit 1
}
deb=$(ls "$work"/out/*.deb)
echo "built $(basename "$deb")"
dpkg-deb --field "$deb" Package Version Depends
dpkg-deb --field "$deb" Depends | grep -q libqt6widgets6 || {
  echo "FAIL: the package does not depend on Qt's widgets library"; exit 1
}
# Qt's own buttons and dialogs (Close, Cancel) in the user's language come from there.
dpkg-deb --field "$deb" Recommends | grep -q qt6-translations-l10n || {
  echo "FAIL: the package does not recommend qt6-translations-l10n"; exit 1
}
dpkg-deb -x "$deb" "$work/root"
root=$work/root
for f in usr/bin/socketlab usr/bin/socketlab-cli \
         usr/share/applications/io.github.socketlab.SocketLab.desktop \
         usr/share/metainfo/io.github.socketlab.SocketLab.metainfo.xml \
         usr/share/icons/hicolor/scalable/apps/io.github.socketlab.SocketLab.svg \
         usr/share/icons/hicolor/16x16/apps/io.github.socketlab.SocketLab.png \
         usr/share/icons/hicolor/48x48/apps/io.github.socketlab.SocketLab.png \
         usr/share/icons/hicolor/256x256/apps/io.github.socketlab.SocketLab.png \
         usr/share/man/man1/socketlab.1.gz usr/share/man/man1/socketlab-cli.1.gz; do
  [ -e "$root/$f" ] || { echo "FAIL: $f is not in the package"; exit 1; }
done
version=$("$root/usr/bin/socketlab-cli" --version)
echo "$version"
case "$version" in "socketlab-cli "[0-9]*) ;; *) echo "FAIL: socketlab-cli --version"; exit 1 ;; esac
QT_QPA_PLATFORM=offscreen "$root/usr/bin/socketlab" --version | grep -q "^socketlab [0-9]"
"$root/usr/bin/socketlab-cli" lesson --list | grep -q "^getting-the-flow"
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net "$root/usr/share/metainfo/io.github.socketlab.SocketLab.metainfo.xml"
else
  echo "FAIL: appstreamcli is needed (Debian package appstream)"; exit 1
fi
grep -q "^Exec=socketlab" "$root/usr/share/applications/io.github.socketlab.SocketLab.desktop"
# The manual pages carry every subcommand and the window's options.
for word in serve connect lookup lesson export watch check; do
  zcat "$root/usr/share/man/man1/socketlab-cli.1.gz" | grep -q "^\.SS $word" || {
    echo "FAIL: socketlab-cli.1 lacks $word"; exit 1
  }
done
zcat "$root/usr/share/man/man1/socketlab.1.gz" | grep -q -- "presenter" || {
  echo "FAIL: socketlab.1 lacks --presenter"; exit 1
}
# Each page's NAME line is the program and what it is for (a Qt warning once stood there).
for page in socketlab socketlab-cli; do
  name=$(zcat "$root/usr/share/man/man1/$page.1.gz" | sed -n '/^\.SH NAME/{n;p;q}')
  case "$name" in "$page \\- "[a-z]*) ;; *) echo "FAIL: $page.1 NAME is: $name"; exit 1 ;; esac
  zcat "$root/usr/share/man/man1/$page.1.gz" | head -5 | grep -q "^\.TH \"*${page^^}" || {
    echo "FAIL: $page.1 is headed: $(zcat "$root/usr/share/man/man1/$page.1.gz" | grep -m1 '^\.TH')"
    exit 1
  }
done
if zcat "$root/usr/share/man/man1/socketlab-cli.1.gz" | grep -q "socketlab-cli lookup lookup"; then
  echo "FAIL: socketlab-cli.1 says lookup lookup"; exit 1
fi
# The license, where Debian looks for it, and the changelog.
grep -q "^License: Expat" "$root/usr/share/doc/socketlab/copyright" || {
  echo "FAIL: no Expat (MIT) license in usr/share/doc/socketlab/copyright"; exit 1
}
zcat "$root/usr/share/doc/socketlab/changelog.gz" | head -1 | grep -q "^socketlab ($(dpkg-deb --field "$deb" Version))" || {
  echo "FAIL: changelog.gz does not start with this version"; exit 1
}
grep -q "<project_license>MIT</project_license>" \
  "$root/usr/share/metainfo/io.github.socketlab.SocketLab.metainfo.xml" || {
  echo "FAIL: the metainfo does not name the MIT license"; exit 1
}
# Sessions and lessons are file types the desktop knows, opened by the menu entry: the
# package's shared-mime-info file, in a data folder of its own, as xdg-mime sees it.
for tool in xdg-mime update-mime-database; do
  command -v $tool >/dev/null || { echo "FAIL: $tool is needed (scripts/install-deps)"; exit 1; }
done
mkdir -p "$work/data/mime/packages" "$work/files"
cp "$root/usr/share/mime/packages/io.github.socketlab.SocketLab.xml" "$work/data/mime/packages/"
update-mime-database "$work/data/mime"
echo '{"seq":1}' >"$work/files/class.sltrace"
printf 'lesson: mine\ntitle: Mine\n' >"$work/files/mine.lesson"
for pair in class.sltrace:application/x-socketlab-session mine.lesson:text/x-socketlab-lesson; do
  type=$(env -u XDG_CURRENT_DESKTOP XDG_DATA_HOME="$work/data" xdg-mime query filetype \
    "$work/files/${pair%%:*}")
  [ "$type" = "${pair#*:}" ] || { echo "FAIL: ${pair%%:*} is $type, not ${pair#*:}"; exit 1; }
  grep -q "^MimeType=.*${pair#*:};" "$root/usr/share/applications/io.github.socketlab.SocketLab.desktop" || {
    echo "FAIL: the desktop entry does not open ${pair#*:}"; exit 1
  }
done
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$root/usr/share/applications/io.github.socketlab.SocketLab.desktop"
else
  echo "FAIL: desktop-file-validate is needed (Debian package desktop-file-utils)"; exit 1
fi
# What a distribution's checker says: no errors; each warning left is explained here.
if command -v lintian >/dev/null; then
  lintian --tag-display-limit 0 --fail-on error "$deb" | tee "$work/lintian.log"
else
  echo "FAIL: lintian is needed (scripts/install-deps installs it)"; exit 1
fi
echo "package ok"
