#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""What watching costs a program: the course's python3 echo server watched by
`socketlab-cli watch` against the same server unwatched, in the same run, rounds alternated
(the best round of each kept), as ratios:
  - 64 KiB messages on one connection (send 64 KiB, read the echo back), MiB/s;
  - 16-byte ping-pongs on one connection, round trips per second;
  - one watched non-socket call: a write() to /dev/null (the filter stops it too, since it
    sees descriptor numbers, not their kinds), microseconds per call, watched and not;
  - the window's UI heartbeat (p99) while a watched program calls as fast as it can.
Usage: bench/watch_overhead.py [path/to/socketlab-cli]   (ROUNDS=3, SECONDS=2 by default)"""
import json
import os
import socket
import subprocess
import sys
import tempfile
import time

CLI = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.environ.get("SOCKETLAB_BUILD_DIR", "build"), "app/cli/socketlab-cli")
ROUNDS = int(os.environ.get("ROUNDS", "3"))
SECONDS = float(os.environ.get("SECONDS", "2"))

SERVER = r"""
import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('127.0.0.1', 0))
s.listen()
print(s.getsockname()[1], flush=True)
while True:
    conn, addr = s.accept()
    while True:
        data = conn.recv(65536)
        if not data:
            break
        conn.sendall(data)
    conn.close()
"""

WRITES = r"""
import os, sys, time
fd = os.open('/dev/null', os.O_WRONLY)
n = int(sys.argv[1])
t = time.perf_counter()
for _ in range(n):
    os.write(fd, b'x')
print((time.perf_counter() - t) / n * 1e6)
"""


def start(watched):
    command = [sys.executable, "-c", SERVER]
    if watched:
        command = [CLI, "watch", "--"] + command
    p = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    return p, int(p.stdout.readline())


def exchange(port, size):
    """Messages of size bytes for SECONDS: each sent, then its echo read back."""
    c = socket.create_connection(("127.0.0.1", port))
    c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    message = b"x" * size
    count = 0
    end = time.perf_counter() + SECONDS
    start_time = time.perf_counter()
    while time.perf_counter() < end:
        c.sendall(message)
        got = 0
        while got < size:
            chunk = c.recv(size - got)
            if not chunk:
                raise SystemExit("the server closed")
            got += len(chunk)
        count += 1
    elapsed = time.perf_counter() - start_time
    c.close()
    return count, elapsed


def serve_round(watched, size):
    p, port = start(watched)
    try:
        count, elapsed = exchange(port, size)
    finally:
        p.kill()
        p.wait()
    return count * size / elapsed / 2**20 if size > 16 else count / elapsed


def write_cost(watched, n=20000):
    command = [sys.executable, "-c", WRITES, str(n)]
    if watched:
        command = [CLI, "watch", "--"] + command
    out = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    return float(out.stdout)


FLOOD = r"""
import socket, time
s = socket.socket()
s.bind(('127.0.0.1', 0))
s.listen()
a = socket.create_connection(s.getsockname())
b, _ = s.accept()
end = time.time() + 5
n = 0
while time.time() < end:
    a.sendall(b'0123456789abcdef')
    b.recv(16)
    n += 1
print(n)
"""


def window_latency():
    """The window's UI heartbeat while a watched program calls as fast as it can (5 s)."""
    gui = os.path.join(os.path.dirname(os.path.dirname(CLI)), "gui", "socketlab")
    with tempfile.TemporaryDirectory() as home:
        flood = os.path.join(home, "flood.py")
        with open(flood, "w") as f:
            f.write(FLOOD)
        report = os.path.join(home, "latency.json")
        env = dict(os.environ, XDG_CONFIG_HOME=home, XDG_RUNTIME_DIR=home)
        subprocess.run([gui, "-platform", "offscreen", "--watch-server",
                        f'"{sys.executable}" "{flood}"', "--screenshot",
                        os.path.join(home, "shot.png"), "--latency-report", report],
                       env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        with open(report) as f:
            return json.load(f)


def main():
    if not os.access(CLI, os.X_OK):
        raise SystemExit(f"no {CLI}: build first (scripts/build)")
    print(f"watching a python3 echo server: best of {ROUNDS} alternated rounds, {SECONDS:g} s each")
    for size, unit in ((65536, "MiB/s"), (16, "round trips/s")):
        best = {False: 0.0, True: 0.0}
        for _ in range(ROUNDS):
            for watched in (False, True):
                best[watched] = max(best[watched], serve_round(watched, size))
        print(f"  {size:>5}-byte messages: unwatched {best[False]:10.1f} {unit}, watched "
              f"{best[True]:10.1f} {unit}, ratio {best[True] / best[False]:.2f}x")
    plain = min(write_cost(False) for _ in range(ROUNDS))
    watched = min(write_cost(True) for _ in range(ROUNDS))
    print(f"  one write() to /dev/null: unwatched {plain:.2f} us, watched {watched:.2f} us "
          f"(+{watched - plain:.2f} us per non-socket call the filter stops)")
    r = window_latency()
    print(f"  the window while a watched program makes 16-byte calls as fast as it can: UI "
          f"heartbeat p50 {r['p50_ms']:.2f} ms, p99 {r['p99_ms']:.2f} ms, max {r['max_ms']:.2f} ms")


if __name__ == "__main__":
    main()
