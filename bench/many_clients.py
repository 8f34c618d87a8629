# SPDX-License-Identifier: MIT
"""1,000 clients at once against an echo server: connect them all, then each sends a line
and reads it back while all stay open. Prints: clients echoed correctly, seconds to connect
all, seconds for the whole round. Written like the course's client, with plain sockets.
    python3 bench/many_clients.py PORT [CLIENTS]"""
import socket
import sys
import time

port = int(sys.argv[1])
count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
start = time.monotonic()
clients = []
for i in range(count):
    client_socket = socket.create_connection(('127.0.0.1', port), timeout=30)
    clients.append(client_socket)
connected = time.monotonic()
for i, client_socket in enumerate(clients):
    client_socket.sendall(b'client %d says hello\n' % i)
good = 0
for i, client_socket in enumerate(clients):
    expected = b'client %d says hello\n' % i
    received = b''
    while len(received) < len(expected):
        part = client_socket.recv(4096)
        if not part:
            break
        received += part
    good += received == expected
done = time.monotonic()
for client_socket in clients:
    client_socket.close()
print(good, round(connected - start, 3), round(done - start, 3))
