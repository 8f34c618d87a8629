#!/bin/sh
# Writes socketlab.1 and socketlab-cli.1 from the programs' own --help (help2man), so the
# manual pages say exactly what the option parsers accept. socketlab-cli's page adds each
# subcommand's --help as a section.
set -eu
out=$1
gui=$2
cli=$3
mkdir -p "$out"
extra=$(mktemp)
trap 'rm -f "$extra"' EXIT
{
  echo "[COMMANDS]"
  for command in serve connect lookup lesson export; do
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
