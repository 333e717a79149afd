"""Child side of tests/interop/test_child_process_interop.py (nodenet_uv's channel)."""

from typing import Any

import nodenet_uv.child_process  # noqa: F401  (sets up process.send from NODE_CHANNEL_FD)
from nodenet_uv import net, process, run

received: list[Any] = []
their_server: list[Any] = []


def on_message(m: Any, handle: Any = None) -> None:
    if m == "__done__":
        for v in received:
            process.send(v)
        process.send("__done__")
    elif m == "server":
        their_server.append(handle)
        handle.on("connection", lambda s: s.end("child"))
        process.send("got-server")
    elif m == "make-server":
        srv = net.createServer(lambda s: s.end("from-child-server"))
        srv.listen(
            0,
            "127.0.0.1",
            lambda: process.send({"port": srv.address()["port"]}, srv, lambda err: srv.close()),
        )
    elif m == "bye":
        for s in their_server:
            s.close()
        process.disconnect()
    else:
        received.append(m)


process.on("message", on_message)
run()
