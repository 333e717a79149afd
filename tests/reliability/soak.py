"""The Python side of the soak (test_soak.py), the twin of soak_peer.js.

``echo(sock, result)`` serves one connection: it writes back what it reads (pausing
while its write buffer is full) and ``end()``s after ``'end'``. ``client(sock, size,
seed, result)`` writes ``size`` random bytes in random chunks (1 B .. 256 KiB), random
runs of them corked then uncorked (at once or on the next tick), waits for ``'drain'``
when ``write()`` returns False, then ``end()``s; its reader ``pause()``s on its first
``'data'`` event and on 10 % of the others and ``resume()``s after a random 0..3 ms (or on ``setImmediate``). Both fill ``result`` at
``'close'`` with the sha256 and length of what they sent and received, the socket's
``bytesRead``/``bytesWritten``, the events seen and the error code, if any.
"""

from __future__ import annotations

import hashlib
import math
import random
from collections.abc import Callable
from typing import Any

from nodenet_uv import net, process, timers


def _chunk_size(rng: random.Random) -> int:
    return max(1, int(math.exp(rng.random() * math.log(256 * 1024))))


def echo(
    sock: net.Socket,
    result: dict[str, Any],
    on_close: Callable[[], Any] | None = None,
    use_pipe: bool = False,
) -> None:
    """With ``use_pipe`` the echo is ``sock.pipe(sock)`` (its backpressure and its end())
    and a second 'data' listener only hashes."""
    h = hashlib.sha256()
    n = [0]
    events: list[str] = []

    def on_data(d: bytes) -> None:
        h.update(d)
        n[0] += len(d)
        if use_pipe:
            return
        if not sock.write(d):
            sock.pause()
            sock.once("drain", sock.resume)

    def on_end() -> None:
        events.append("end")
        if not use_pipe:
            sock.end()

    def on_close_(had_error: bool) -> None:
        events.append("close")
        sha = h.hexdigest()
        result.update(
            recv_sha=sha,
            recv_len=n[0],
            sent_sha=sha,
            sent_len=n[0],
            bytesRead=sock.bytesRead,
            bytesWritten=sock.bytesWritten,
            events=events,
            hadError=had_error,
        )
        if on_close is not None:
            on_close()

    sock.on("data", on_data)
    sock.on("end", on_end)
    sock.on("finish", lambda: events.append("finish"))
    sock.on("error", lambda e: result.__setitem__("error", e.code))
    sock.on("close", on_close_)
    if use_pipe:
        sock.pipe(sock)


def client(
    sock: net.Socket,
    size: int,
    seed: int,
    result: dict[str, Any],
    on_close: Callable[[], Any] | None = None,
) -> None:
    rng = random.Random(seed)
    sent = hashlib.sha256()
    recv = hashlib.sha256()
    st = {"off": 0, "got": 0, "pauses": 0, "corks": 0, "data_while_paused": 0}
    events: list[str] = []

    def write_one() -> bool:
        ln = min(_chunk_size(rng), size - st["off"])
        buf = rng.randbytes(ln)
        sent.update(buf)
        st["off"] += ln
        return bool(sock.write(buf))

    def pump() -> None:
        while st["off"] < size:
            ok = True
            if rng.random() < 0.1:
                sock.cork()
                st["corks"] += 1
                k = 2 + int(rng.random() * 8)
                for _ in range(k):
                    if st["off"] >= size:
                        break
                    ok = write_one()
                if rng.random() < 0.5:
                    sock.uncork()
                else:
                    process.nextTick(sock.uncork)
            else:
                ok = write_one()
            if not ok:
                sock.once("drain", pump)
                return
        sock.end()

    def on_data(d: bytes) -> None:
        if sock.isPaused():
            st["data_while_paused"] += 1
        recv.update(d)
        st["got"] += len(d)
        if st["pauses"] == 0 or rng.random() < 0.1:
            sock.pause()
            st["pauses"] += 1
            if rng.random() < 0.5:
                timers.setImmediate(sock.resume)
            else:
                timers.setTimeout(sock.resume, int(rng.random() * 4))

    def on_close_(had_error: bool) -> None:
        events.append("close")
        result.update(
            recv_sha=recv.hexdigest(),
            recv_len=st["got"],
            sent_sha=sent.hexdigest(),
            sent_len=st["off"],
            bytesRead=sock.bytesRead,
            bytesWritten=sock.bytesWritten,
            events=events,
            hadError=had_error,
            pauses=st["pauses"],
            corks=st["corks"],
            dataWhilePaused=st["data_while_paused"],
        )
        if on_close is not None:
            on_close()

    sock.on("connect", pump)
    sock.on("data", on_data)
    sock.on("end", lambda: events.append("end"))
    sock.on("finish", lambda: events.append("finish"))
    sock.on("error", lambda e: result.__setitem__("error", e.code))
    sock.on("close", on_close_)
