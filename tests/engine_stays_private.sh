#!/bin/sh
# SPDX-License-Identifier: MIT
# The socket engine is private to the core: widgets/ and app/ neither include it by path
# nor can (their include root has no engine/). Arguments: the build and the source folder.
set -u
build=$1
source=$2
status=0

out=$(cmake --build "$build" --target engine_private_probe 2>&1)
if [ $? -eq 0 ]; then
  echo "FAIL: a program linked like the app compiled #include \"engine/SocketEngine.h\""
  status=1
elif ! printf '%s\n' "$out" | grep -q 'engine/SocketEngine.h'; then
  echo "FAIL: the probe failed to build, but not for want of engine/SocketEngine.h:"
  printf '%s\n' "$out" | tail -20
  status=1
fi

names=$(cd "$source/core/engine" && ls ./*.h | sed 's#^\./##; s#\.h$##' | paste -sd'|')
found=$(grep -rEn "#include [\"<]([^\"<>]*/)?engine/|#include [\"<]($names)\.h[\">]" \
  "$source/widgets" "$source/app")
if [ -n "$found" ]; then
  echo "FAIL: outside the core, engine headers are included:"
  echo "$found"
  status=1
fi
[ $status -eq 0 ] && echo "PASS: the engine stays inside the core"
exit $status
