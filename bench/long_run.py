#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""A long-running server: many sequential connections, and what is left of them.

Starts a server command that prints "serving … on 127.0.0.1:PORT", then makes N connections
one after another (connect, send, read the echo, close). After the first 1,000 and after all
N it waits for the kernel to let go of the closed connections (TIME_WAIT lasts 60 s on Linux,
so it waits WAIT seconds; short runs may pass a shorter one) and reads the server's resident
memory and the CPU it uses while idle over 5 s. A server that forgets its closed sockets ends
where it was after 1,000: both ratios near 1.0 (the target: within 10 %).

    bench/long_run.py [--connections N] [--wait S] -- COMMAND [ARGS…]
"""
import argparse
import os
import re
import socket
import subprocess
import sys
import time

TICKS = os.sysconf("SC_CLK_TCK")


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        return int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1))


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def idle_cpu(pid, seconds=5.0):
    before = cpu_ticks(pid)
    time.sleep(seconds)
    return cpu_ticks(pid) - before


def connect_many(port, count):
    for i in range(count):
        with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
            s.sendall(b"ping")
            got = b""
            while len(got) < 4:
                chunk = s.recv(64)
                if not chunk:
                    raise SystemExit(f"connection {i}: the server closed without answering")
                got += chunk


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--connections", type=int, default=100_000)
    parser.add_argument("--wait", type=float, default=65.0)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                              text=True)
    port = None
    for line in server.stdout:
        m = re.search(r"serving \w+ on 127\.0\.0\.1:(\d+)", line)
        if m:
            port = int(m.group(1))
            break
    if port is None:
        server.kill()
        raise SystemExit("the server did not say where it serves")
    # Keep draining its log so a full pipe never slows it.
    drain = subprocess.Popen(["cat"], stdin=server.stdout, stdout=subprocess.DEVNULL)
    try:
        start = time.time()
        connect_many(port, 1000)
        time.sleep(args.wait)
        rss1, cpu1 = rss_kib(server.pid), idle_cpu(server.pid)
        connect_many(port, args.connections - 1000)
        took = time.time() - start
        time.sleep(args.wait)
        rss2, cpu2 = rss_kib(server.pid), idle_cpu(server.pid)
    finally:
        server.terminate()
        server.wait()
        drain.wait()
    name = os.path.basename(command[0]) + " " + " ".join(command[1:2])
    print(f"{name}: {args.connections} connections in {took:.0f} s")
    print(f"  after 1,000:  RSS {rss1 / 1024:6.1f} MiB, idle CPU {cpu1} ticks per 5 s")
    print(f"  after {args.connections:,}: RSS {rss2 / 1024:6.1f} MiB, idle CPU {cpu2} ticks per 5 s")
    print(f"  RSS ratio {rss2 / rss1:.2f}x (target <= 1.10), idle CPU {cpu1} -> {cpu2} ticks")
    return 0 if rss2 <= rss1 * 1.10 and cpu2 <= max(cpu1 * 1.10, cpu1 + 1) else 1


if __name__ == "__main__":
    sys.exit(main())
