# SPDX-License-Identifier: MIT
# An echo server as the course's homework asks for it, to try File → Watch a Program… with:
#   socketlab --watch-server "python3 server.py" --watch-client "python3 client.py"
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 50007
server_socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server_socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server_socket.bind(("127.0.0.1", port))
server_socket.listen()
print(f"listening on port {port}")
while True:
    conn, addr = server_socket.accept()
    print("connection from", addr)
    while True:
        data = conn.recv(1024)
        if not data:
            break
        conn.sendall(data)
    conn.close()
