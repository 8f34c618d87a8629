#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The classroom case on one machine: two network namespaces joined by a veth pair stand for
# the instructor's machine and the students'. socketlab-cli serves in one; 50 clients in the
# other connect to it over 192.0.2.0/24 (the range reserved for documentation) and each
# must get its own bytes back. Nothing is sent outside the namespaces this script makes.
# Exit 77 (skipped) when namespaces cannot be made here.
set -u
cli=${1:?usage: netns_classroom.sh PATH/TO/socketlab-cli}
clients=50
ns_server=sl-server-$$
ns_clients=sl-clients-$$
veth=slv$$

skip() {
  echo "SKIP: $*"
  exit 77
}

cleanup() {
  ip netns del "$ns_server" 2>/dev/null
  ip netns del "$ns_clients" 2>/dev/null
  [ -n "${work:-}" ] && rm -rf "$work"
}
trap cleanup EXIT

command -v ip >/dev/null || skip "the ip tool (iproute2) is not installed"
ip netns add "$ns_server" 2>/dev/null || skip "creating network namespaces is not permitted here"
ip netns add "$ns_clients" || skip "creating network namespaces is not permitted here"
ip link add "${veth}a" type veth peer name "${veth}b" 2>/dev/null || skip "veth pairs are not permitted here"
ip link set "${veth}a" netns "$ns_server"
ip link set "${veth}b" netns "$ns_clients"
ip -n "$ns_server" addr add 192.0.2.1/24 dev "${veth}a"
ip -n "$ns_clients" addr add 192.0.2.2/24 dev "${veth}b"
for ns in "$ns_server" "$ns_clients"; do
  ip -n "$ns" link set lo up
done
ip -n "$ns_server" link set "${veth}a" up
ip -n "$ns_clients" link set "${veth}b" up

work=$(mktemp -d)
ip netns exec "$ns_server" "$cli" serve --bind 192.0.2.1:50000 --backlog 64 \
  --max-clients "$clients" >"$work/serve.log" 2>&1 &
serve=$!
for _ in $(seq 100); do
  grep -q "serving echo on 192.0.2.1:50000" "$work/serve.log" && break
  sleep 0.1
done
grep -q "serving echo on 192.0.2.1:50000" "$work/serve.log" || {
  echo "FAIL: the server did not start"; cat "$work/serve.log"; exit 1
}

for i in $(seq "$clients"); do
  ip netns exec "$ns_clients" "$cli" connect 192.0.2.1:50000 --send "student $i" \
    >"$work/out.$i" 2>"$work/err.$i" &
done
wait_failed=0
for job in $(jobs -p); do
  [ "$job" = "$serve" ] && continue
  wait "$job" || wait_failed=1
done
wrong=0
for i in $(seq "$clients"); do
  if [ "$(cat "$work/out.$i")" != "student $i" ]; then
    echo "FAIL: client $i got '$(cat "$work/out.$i")'"; cat "$work/err.$i"
    wrong=$((wrong + 1))
  fi
done
wait "$serve"; serve_rc=$?
accepted=$(grep -c "accept()  →" "$work/serve.log")
echo "$clients clients in $ns_clients, server in $ns_server: $((clients - wrong)) echoed correctly, $accepted accepted, serve exit $serve_rc"
[ "$wrong" -eq 0 ] && [ "$wait_failed" -eq 0 ] && [ "$serve_rc" -eq 0 ] && [ "$accepted" -eq "$clients" ]
