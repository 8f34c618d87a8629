#!/bin/sh
# SPDX-License-Identifier: MIT
# Writes socketlab.1 and socketlab-cli.1 from the programs' own --help (help2man), so the
# manual pages say exactly what the option parsers accept. socketlab-cli's page adds each
# subcommand's --help as a section.
set -eu
out=$1
gui=$2
cli=$3
mkdir -p "$out"
extra=$(mktemp)
# Qt warns on stderr when XDG_RUNTIME_DIR is unset (a build in a container, say), and help2man
# reads stderr too: that warning once became the page's NAME line.
runtime=$(mktemp -d)
chmod 700 "$runtime"
export XDG_RUNTIME_DIR="$runtime"
trap 'rm -rf "$extra" "$runtime"' EXIT
{
  echo "[COMMANDS]"
  for command in serve connect lookup lesson export watch check; do
    echo ".SS $command"
    echo ".nf"
    "$cli" "$command" --help | sed -e "s|^Usage: [^ ]*socketlab-cli|Usage: socketlab-cli $command|" \
      -e 's/\\/\\\\/g' -e 's/^\./\\\&./'
    echo ".fi"
  done
} >"$extra"
QT_QPA_PLATFORM=offscreen help2man --no-info --no-discard-stderr \
  --name "learn BSD sockets by making every call for real" --output "$out/socketlab.1" "$gui"
help2man --no-info --name "the console twin of SocketLab: serve, connect, look up, run lessons" \
  --include "$extra" --output "$out/socketlab-cli.1" "$cli"
# Compressed as Debian installs manual pages; -n keeps the output the same from run to run.
gzip -9nkf "$out/socketlab.1" "$out/socketlab-cli.1"
