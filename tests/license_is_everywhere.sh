#!/bin/sh
# SPDX-License-Identifier: MIT
# SocketLab is MIT licensed: the LICENSE file says so, and every source file and script names
# the license by its SPDX identifier, so a file copied out of the tree still says what it
# may be used for. Argument: the source folder.
set -u
source=$1
status=0
grep -q "^MIT License" "$source/LICENSE" &&
  grep -q "Copyright (c) .* The SocketLab authors" "$source/LICENSE" || {
  echo "FAIL: LICENSE is not the MIT license of The SocketLab authors"
  status=1
}
missing=$(cd "$source" && find core widgets app tests bench fuzz scripts cmake .ci \
  -type f \( -name '*.cpp' -o -name '*.h' -o -name '*.sh' -o -name '*.py' -o -name '*.cmake' \
  -o -name CMakeLists.txt -o -path 'scripts/*' -o -path '.ci/*' \) \
  ! -path 'fuzz/corpus/*' -exec grep -L 'SPDX-License-Identifier: MIT' {} +)
if [ -n "$missing" ]; then
  echo "FAIL: no SPDX-License-Identifier in:"
  echo "$missing"
  status=1
fi
[ $status -eq 0 ] && echo "license ok"
exit $status
