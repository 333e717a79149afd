"""Child side of the mid-conversation socket handover (nodenet_uv's channel): as
cp_handover_child.js, line for line."""

import base64
from typing import Any

import nodenet_uv.child_process  # noqa: F401  (sets up process.send from NODE_CHANNEL_FD)
from nodenet_uv import process, run


def on_message(m: Any, sock: Any = None) -> None:
    if m != "socket":
        return
    chunks: list[bytes] = []
    sock.on("data", chunks.append)

    def on_end() -> None:
        rest = base64.b64encode(b"".join(chunks)).decode()
        process.send({"rest": rest}, lambda *err: process.disconnect())

    sock.on("end", on_end)
    sock.write("next\n")


process.on("message", on_message)
run()
