"""nodenet_uv benchmark server: python nodenet_server.py ADDR MODE [pipe]

The same program as node_server.js, line for line, on nodenet_uv's Node API.
  ADDR  127.0.0.1:PORT or a Unix socket path
  MODE  echo (write() + pause() on false + resume() on 'drain'; with `pipe`:
        socket.pipe(socket)), sink (count bytes, reply with the count as an 8-byte
        little-endian integer at EOF), hello (write 1 byte and end: the server closes first)
"""

import sys

from nodenet_uv import net, run

addr, mode, variant = (sys.argv[1:] + [None])[:3]
use_pipe = variant == "pipe"


def on_connection(socket):
    socket.on("error", lambda err: socket.destroy())
    if mode == "echo":
        if use_pipe:
            socket.pipe(socket)
        else:

            def on_data(chunk):
                if not socket.write(chunk):
                    socket.pause()

            socket.on("data", on_data)
            socket.on("drain", lambda: socket.resume())
            socket.on("end", lambda: socket.end())
    elif mode == "sink":
        count = 0

        def on_data(chunk):
            nonlocal count
            count += len(chunk)

        socket.on("data", on_data)

        def on_end():
            reply = count.to_bytes(8, "little")
            socket.end(reply)

        socket.on("end", on_end)
    elif mode == "hello":
        socket.resume()
        socket.end("x")
    else:
        raise ValueError(f"unknown mode {mode}")


server = net.createServer({"allowHalfOpen": True, "noDelay": True}, on_connection)
colon = addr.rfind(":")
if addr.startswith("/") or colon < 0:
    server.listen(addr)
else:
    server.listen(int(addr[colon + 1 :]), addr[:colon])
run()
