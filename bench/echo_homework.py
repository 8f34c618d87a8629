# SPDX-License-Identifier: MIT
"""An echo server written like the course's homework, for the benchmarks."""
import socket
import sys
import threading


def serve(conn):
    while True:
        data = conn.recv(4096)
        if not data:
            break
        conn.sendall(data)
    conn.close()


server_socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
server_socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server_socket.bind(('127.0.0.1', int(sys.argv[1]) if len(sys.argv) > 1 else 0))
server_socket.listen(128)
print('serving echo on 127.0.0.1:%d' % server_socket.getsockname()[1], flush=True)
while True:
    conn, addr = server_socket.accept()
    threading.Thread(target=serve, args=(conn,), daemon=True).start()
