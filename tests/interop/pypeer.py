"""The nodenet_uv twin of peer.js: the same roles and modes, with Node's API in Python.

``target`` arguments are ``{'port': N, 'host': ...}`` or ``{'path': P}`` (a Unix socket).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from typing import Any

from nodenet_uv import net

CHUNK = 64 * 1024


def payload(size: int) -> bytes:
    return os.urandom(size)


def send_all(sock: net.Socket, data: bytes, done: Callable[..., Any] | None = None) -> None:
    view = memoryview(data)
    off = 0

    def pump() -> None:
        nonlocal off
        while off < len(data):
            ok = sock.write(view[off : off + CHUNK])
            off += CHUNK
            if not ok:
                sock.once("drain", pump)
                return
        sock.end(done)

    pump()


def handle(
    sock: net.Socket,
    is_client: bool,
    mode: str,
    size: int,
    result: dict[str, Any],
    on_done: Callable[[], None],
) -> None:
    if mode in ("bulk-clientfirst", "bulk-serverfirst"):
        send_first = is_client if mode == "bulk-clientfirst" else not is_client
        data = payload(size)
        result["sent_sha"] = hashlib.sha256(data).hexdigest()
        result["sent_len"] = size
        h = hashlib.sha256()
        received = [0]
        events: list[str] = []

        def on_data(chunk: bytes) -> None:
            h.update(chunk)
            received[0] += len(chunk)

        def on_end() -> None:
            events.append("end")
            if not send_first:
                send_all(sock, data)

        def on_close(had_error: bool) -> None:
            events.append("close")
            result.update(sha=h.hexdigest(), len=received[0], events=events, hadError=had_error)
            on_done()

        sock.on("data", on_data)
        sock.on("end", on_end)
        sock.on("finish", lambda: events.append("finish"))
        sock.on("error", lambda err: result.__setitem__("error", err.code))
        sock.on("close", on_close)
        if send_first:
            send_all(sock, data)
    elif mode in ("rst", "rst-peer"):
        resetter = is_client if mode == "rst" else not is_client

        # As in peer.js: the other side answers only after reading the hello, so the
        # RST reaches a peer idle in read() (gVisor reports a RST racing unread data as EOF).
        def first_data(_chunk: bytes) -> None:
            if resetter:
                sock.resetAndDestroy()
            else:
                sock.write("x" * 100)

        def on_error(err: Any) -> None:
            result["error"] = err.code
            result["message"] = str(err)

        def on_close(had_error: bool) -> None:
            result["hadError"] = had_error
            on_done()

        sock.once("data", first_data)
        sock.on("error", on_error)
        sock.on("close", on_close)
        if resetter:
            sock.write("hello")
    else:  # pragma: no cover
        raise ValueError(mode)


def short_server(
    sock: net.Socket, n: int, result: dict[str, Any], on_done: Callable[[], None]
) -> None:
    """peer.js 'short', server side: echo one message, end; on_done after the n-th close."""
    sock.once("data", lambda d: sock.end(d))
    sock.on("error", lambda err: result.__setitem__("error", err.code))

    def on_close(*_: Any) -> None:
        result["connections"] = result.get("connections", 0) + 1
        if result["connections"] == n:
            on_done()

    sock.on("close", on_close)


def short_client(
    target: dict[str, Any], n: int, result: dict[str, Any], on_done: Callable[[], None]
) -> None:
    """peer.js 'short', client side: n connections one after the other."""
    result["ok"] = 0
    i = [0]

    def next_one() -> None:
        if i[0] == n:
            on_done()
            return
        msg = f"message {i[0]}"
        i[0] += 1
        got: list[str] = []
        sock = net.connect(dict(target), lambda: sock.write(msg))
        sock.setEncoding("utf8")
        sock.on("data", got.append)
        sock.on("end", lambda: sock.end())
        sock.on("error", lambda err: result.__setitem__("error", err.code))

        def on_close(*_: Any) -> None:
            if "".join(got) == msg:
                result["ok"] += 1
            next_one()

        sock.on("close", on_close)

    next_one()
