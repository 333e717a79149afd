"""Scale (issue 18): many connections at once, and connection churn; nothing leaks.

Before and after each run (after a warm-up connection, so the loop-wide state libuv
keeps for good, its EMFILE reserve fd on /dev/null, exists already; and after a GC
pass) the test takes: this process's open descriptors (/proc/self/fd), the loop's open
handles (pyuv ``Loop.handles``, the runtime's own internal handles excepted), the timers
(the ref'ed timer count and the timer lists) and RSS. After = before for fds, handles and
timers exactly; RSS within a small constant (the allocator keeps some arenas).

Every socket also gets an idle timeout (``setTimeout(60000)``) so the per-socket timers
are exercised and must be gone with the sockets.

Loads: 1000 concurrent connections and 100,000 churned under ``make soak``; 200 and
2,000 in ``make test``. TCP (127.0.0.1) and Unix sockets.
"""

from __future__ import annotations

import gc
import os
from typing import Any

import pytest

from nodenet_uv import net, run
from nodenet_uv._internal import timers as _timers
from nodenet_uv.testing import _runtime

RSS_SLACK = 24 << 20


def _rss() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _snapshot() -> dict[str, int]:
    gc.collect()
    return {
        "fds": len(_runtime.open_fds()),
        "handles": len(_runtime.live_handles()),
        "timers": _timers.timeout_info[0] + len(_timers.timer_list_map),
        "rss": _rss(),
    }


def _leaks(before: dict[str, int], after: dict[str, int]) -> list[str]:
    out = [
        f"{k}: {before[k]} -> {after[k]}"
        for k in ("fds", "handles", "timers")
        if after[k] != before[k]
    ]
    if after["rss"] - before["rss"] > RSS_SLACK:
        out.append(f"rss: +{after['rss'] - before['rss']} B")
    return out


def _listen_args(transport: str, pipe_path: str) -> dict[str, Any]:
    if transport == "unix":
        return {"path": pipe_path, "backlog": 4096}
    return {"port": 0, "host": "127.0.0.1", "backlog": 4096}


def _target(transport: str, pipe_path: str, server: net.Server) -> dict[str, Any]:
    if transport == "unix":
        return {"path": pipe_path}
    return {"port": server.address()["port"], "host": "127.0.0.1"}


def _echo_once(sock: net.Socket) -> None:
    sock.setTimeout(60000)
    sock.on("data", lambda d: sock.end(d))
    sock.on("error", lambda e: None)


def _warm_up(transport: str, pipe_path: str) -> None:
    server = net.createServer(_echo_once)

    def listening() -> None:
        c = net.connect(_target(transport, pipe_path, server))
        c.end(b"warm")
        c.resume()
        c.on("close", lambda *_: server.close())

    server.listen(_listen_args(transport, pipe_path), listening)
    run()


@pytest.mark.timeout(1800)
@pytest.mark.parametrize("transport", ["tcp", "unix"])
def test_concurrent_connections(
    transport: str, pipe_path: str, load: Any, reliability_row: Any
) -> None:
    """N clients connect and stay connected together; once all N got their echo, every
    one ends; the server closes after the last."""
    n = load.n(200, 1000)
    _warm_up(transport, pipe_path)
    before = _snapshot()
    st = {"echoed": 0, "closed": 0, "peak_fds": 0, "errors": []}
    clients: list[net.Socket] = []
    server = net.createServer()

    def on_connection(s: net.Socket) -> None:
        s.setTimeout(60000)
        s.on("data", s.write)  # echo, stay open
        s.on("end", s.end)
        s.on("error", lambda e: st["errors"].append(e.code))

    def got(c: net.Socket, msg: bytes, d: bytes) -> None:
        if d != msg:
            st["errors"].append(f"echo {d!r} != {msg!r}")
        st["echoed"] += 1
        if st["echoed"] == n:
            st["peak_fds"] = len(_runtime.open_fds())
            for k in clients:
                k.end()

    def closed(*_: Any) -> None:
        st["closed"] += 1
        if st["closed"] == n:
            server.close()

    def listening() -> None:
        target = _target(transport, pipe_path, server)
        for i in range(n):
            msg = f"hello {i}".encode()
            c = net.connect(target)
            c.setTimeout(60000)
            c.write(msg)
            c.once("data", lambda d, c=c, msg=msg: got(c, msg, d))
            c.on("error", lambda e: st["errors"].append(e.code))
            c.on("close", closed)
            clients.append(c)

    server.on("connection", on_connection)
    server.listen(_listen_args(transport, pipe_path), listening)
    run()
    clients.clear()
    after = _snapshot()
    leaks = _leaks(before, after)
    lost = n - st["echoed"] + n - st["closed"]
    reliability_row(
        test=f"{n} concurrent connections, {'TCP' if transport == 'tcp' else 'Unix socket'}",
        load=f"{n} connections open at once ({st['peak_fds'] - before['fds']} fds at the peak)",
        faults="",
        bytes_compared=sum(len(f"hello {i}") for i in range(n)),
        leaks=leaks,
        lost=lost,
        before=before,
        after=after,
    )
    assert not st["errors"], st["errors"][:10]
    assert lost == 0, st
    assert st["peak_fds"] - before["fds"] >= 2 * n  # they really were open together
    assert not leaks, leaks


@pytest.mark.timeout(3600)
@pytest.mark.parametrize("transport", ["tcp", "unix"])
def test_connection_churn(transport: str, pipe_path: str, load: Any, reliability_row: Any) -> None:
    """N connections, at most 50 at a time: connect, send a line, the server echoes it
    and ends, the client ends; the next one starts from the 'close' of the last."""
    n = load.n(2000, 100_000)
    parallel = 50
    _warm_up(transport, pipe_path)
    before = _snapshot()
    st = {"started": 0, "ok": 0, "closed": 0, "errors": []}
    server = net.createServer(_echo_once)
    target: dict[str, Any] = {}

    def one() -> None:
        i = st["started"]
        st["started"] += 1
        msg = f"churn {i}\n".encode()
        c = net.connect(target)
        c.setTimeout(60000)
        c.write(msg)
        got: list[bytes] = []
        c.on("data", got.append)
        c.on("error", lambda e: st["errors"].append(e.code))

        def on_close(*_: Any) -> None:
            st["closed"] += 1
            if b"".join(got) == msg:
                st["ok"] += 1
            if st["started"] < n:
                one()
            elif st["closed"] == n:
                server.close()

        c.on("close", on_close)

    def listening() -> None:
        target.update(_target(transport, pipe_path, server))
        for _ in range(min(parallel, n)):
            one()

    server.listen(_listen_args(transport, pipe_path), listening)
    run()
    after = _snapshot()
    leaks = _leaks(before, after)
    lost = n - st["ok"]
    reliability_row(
        test=f"{n} connections churned (50 at a time), {'TCP' if transport == 'tcp' else 'Unix socket'}",
        load=f"{n} connections",
        faults="",
        bytes_compared=sum(len(f"churn {i}\n") for i in range(n)),
        leaks=leaks,
        lost=lost,
        before=before,
        after=after,
    )
    assert not st["errors"], st["errors"][:10]
    assert lost == 0, st
    assert not leaks, leaks
