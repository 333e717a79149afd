"""A Python worker of examples/node_front_python_workers.js (nodenet_uv's child_process).

Started by a Node primary with ``child_process.fork(..., {execPath: python})``: the IPC
channel (``NODE_CHANNEL_FD``) makes ``process.send`` and ``process.on('message')`` work
as in a Node child. The primary sends the listening server (``'server'``, with the handle);
the worker accepts connections on it and answers each line ``hello <n>`` with
``worker <pid>: hello <n>``, until the primary says ``'stop'``.
"""

from __future__ import annotations

import os
from typing import Any

import nodenet_uv.child_process  # noqa: F401  (sets up process.send from NODE_CHANNEL_FD)
from nodenet_uv import process, run

servers: list[Any] = []


def on_connection(sock: Any) -> None:
    pending: list[str] = []
    sock.setEncoding("utf8")

    def on_data(data: str) -> None:
        pending.append(data)
        *lines, rest = "".join(pending).split("\n")
        pending[:] = [rest]
        for line in lines:
            sock.write(f"worker {os.getpid()}: {line}\n")

    sock.on("data", on_data)


def on_message(message: Any, handle: Any = None) -> None:
    if message == "server":
        handle.on("connection", on_connection)
        servers.append(handle)
        process.send({"pid": os.getpid()})
    elif message == "stop":
        for server in servers:
            server.close()
        process.disconnect()


process.on("message", on_message)
run()
