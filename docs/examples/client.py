# SPDX-License-Identifier: MIT
# The echo server's client: one message, its echo, and a close.
import socket
import sys
import time

port = int(sys.argv[1]) if len(sys.argv) > 1 else 50007
time.sleep(0.5)  # started together with the server: give it time to listen
client_socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client_socket.connect(("127.0.0.1", port))
client_socket.sendall(b"Hello, echo server")
print("echoed:", client_socket.recv(1024))
client_socket.close()
