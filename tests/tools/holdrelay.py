#!/usr/bin/env python3
"""tests/tools/holdrelay.py: the ProxyCommand of tests/e2e/hangup.sh.

    holdrelay.py PORT PIDFILE SECONDS

Relays the SSH client's stdin and stdout to and from 127.0.0.1:PORT (the
server under test) and writes its pid to PIDFILE once connected. From a
SIGUSR1 on, what the server sends is held back for SECONDS before it goes
on to the client, as a slow link or a client held off the processor would
get it late; bytes keep their order, and the client's own bytes are never
held. When the server hangs up, what is held still goes out, in time.
"""
import os
import select
import signal
import socket
import sys
import time


def put(fd, data):
    """Write all of data to fd."""
    while data:
        n = os.write(fd, data)
        data = data[n:]


def main():
    port, pidfile, seconds = int(sys.argv[1]), sys.argv[2], float(sys.argv[3])
    sock = socket.create_connection(("127.0.0.1", port))
    until = [0.0]

    def hold(_sig, _frame):
        until[0] = time.monotonic() + seconds

    signal.signal(signal.SIGUSR1, hold)
    with open(pidfile + ".tmp", "w") as f:
        f.write("%d\n" % os.getpid())
    os.rename(pidfile + ".tmp", pidfile)
    held, client_open, server_open = b"", True, True
    while server_open or held:
        wait = max(0.0, until[0] - time.monotonic()) if held else None
        watch = ([0] if client_open else []) + ([sock] if server_open else [])
        if not watch:
            time.sleep(wait or 0)
        else:
            ready, _, _ = select.select(watch, [], [],
                                        0.05 if wait is not None else None)
            if 0 in ready:
                data = os.read(0, 65536)
                if data:
                    sock.sendall(data)
                else:
                    client_open = False
                    sock.shutdown(socket.SHUT_WR)
            if sock in ready:
                try:
                    data = sock.recv(65536)
                except ConnectionResetError:
                    data = b""
                if data:
                    held += data
                else:
                    server_open = False
        if held and time.monotonic() >= until[0]:
            try:
                put(1, held)
            except BrokenPipeError:
                return
            held = b""


if __name__ == "__main__":
    main()
