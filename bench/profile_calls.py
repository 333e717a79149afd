"""Deterministic cost of nodenet_uv's hot paths: Python calls and CPU per operation.

python bench/profile_calls.py [--rt N] [--conns K] [--churn M] [--runs R] [--server S]
                              [--detail] [--both] [--only pp|churn] [--callgrind]

One process: a server (nodenet_uv's net, the program of bench/servers/nodenet_server.py;
or, with ``--server pyuv``, raw pyuv callbacks, as the floor) and a raw pyuv client on the
same loop, over TCP on 127.0.0.1.

- ping-pong: K connections each send 64 bytes and send again when the echo comes back,
  for N round trips in all (after a warm-up of N/10 that is not counted);
- churn: M connections, 50 in flight, each connects, reads the server's 1 byte and EOF,
  and closes (the server does ``resume(); end('x')`` and closes first).

For each workload it prints:

- ``calls/op``: Python function calls (``sys.setprofile`` 'call' events) per round trip or
  per connection, in the server's code only (the client's functions, named ``client_*``,
  are left out), and C calls made from that code. This count does not depend on the
  machine's load, so it is the number to optimise against.
- ``cpu/op``: ``time.process_time()`` per op without the profiler, best of R runs. It
  includes the client's share (the same raw pyuv code for every server), so compare it to
  ``--server pyuv`` rather than to the load-generator figures of bench.py.

The server runs nodenet_uv's C per-message path (``nodenet_uv._speedups``) when it is built,
and the pure-Python path with ``NODENET_UV_PURE=1`` (the first line on stderr says which);
``--both`` prints the pure path's figures first, then the accelerated path's.

Instruction counts (stable on a loaded machine, unlike CPU time): ``--callgrind`` makes one
plain run of the workload(s) (``--only`` picks one), so that two runs of

    valgrind --tool=callgrind .venv/bin/python bench/profile_calls.py --only pp --callgrind --rt N

at N and 2N give the instructions per round trip as the difference of their totals over
the difference of their operation counts, warm-up included (max(N/10, K) round trips;
for churn max(M/10, 50) connections): (Ir(2N) - Ir(N)) / (1.1 N) for ping-pong.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

import pyuv

from nodenet_uv import net, run
from nodenet_uv._binding import loop as _loop

MSG = b"x" * 64
IN_FLIGHT = 50


class Counter:
    """A sys.setprofile hook counting the server's Python and C calls."""

    def __init__(self) -> None:
        self.calls = 0
        self.c_calls = 0
        self.client_depth = 0
        self.by_name: dict[str, int] = {}
        self.detail = False

    def __call__(self, frame: Any, event: str, arg: Any) -> None:
        if event == "call":
            name = frame.f_code.co_name
            if name.startswith("client_"):
                return
            if _called_from_client(frame):
                return
            self.calls += 1
            if self.detail:
                key = f"{frame.f_code.co_filename.rsplit('/', 1)[-1]}:{name}"
                self.by_name[key] = self.by_name.get(key, 0) + 1
        elif event == "c_call":
            if frame.f_code.co_name.startswith("client_") or _called_from_client(frame):
                return
            self.c_calls += 1
            if self.detail:
                key = f"C:{getattr(arg, '__qualname__', arg)} <- {frame.f_code.co_name}"
                self.by_name[key] = self.by_name.get(key, 0) + 1


def _called_from_client(frame: Any) -> bool:
    # Work done by client code (its own pyuv calls) is not the server's.
    f = frame.f_back
    while f is not None:
        if f.f_code.co_name.startswith("client_"):
            return True
        f = f.f_back
    return False


# -- servers -------------------------------------------------------------------------------


def start_nodenet_server(mode: str, on_ready: Callable[[Any], None]) -> Callable[[], None]:
    def on_connection(socket: Any) -> None:
        socket.on("error", lambda err: socket.destroy())
        if mode == "echo":

            def on_data(chunk: bytes) -> None:
                if not socket.write(chunk):
                    socket.pause()

            socket.on("data", on_data)
            socket.on("drain", lambda: socket.resume())
            socket.on("end", lambda: socket.end())
        else:  # hello
            socket.resume()
            socket.end("x")

    server = net.createServer({"allowHalfOpen": True, "noDelay": True}, on_connection)
    server.listen(0, "127.0.0.1", lambda: on_ready(("127.0.0.1", server.address()["port"])))
    return server.close


def start_pyuv_server(mode: str, on_ready: Callable[[Any], None]) -> Callable[[], None]:
    loop = _loop.loop

    def on_echo_read(handle: Any, data: Any, error: Any) -> None:
        if data is None:
            handle.close()
            return
        handle.write(data)

    def on_hello_read(handle: Any, data: Any, error: Any) -> None:
        if data is None:
            handle.close()

    def on_connection(server: Any, error: Any) -> None:
        client = pyuv.TCP(loop)
        server.accept(client)
        client.nodelay(True)
        if mode == "echo":
            client.start_read(on_echo_read)
        else:
            client.write(b"x")
            client.shutdown(lambda h, e: h.close())
            client.start_read(on_hello_read)

    server = pyuv.TCP(loop)
    server.bind(("127.0.0.1", 0))
    server.listen(on_connection, 511)
    on_ready(server.getsockname())
    return server.close


SERVERS = {"nodenet": start_nodenet_server, "pyuv": start_pyuv_server}


# -- workloads -----------------------------------------------------------------------------


def ping_pong(server_kind: str, conns: int, rts: int, counter: Counter | None) -> float:
    """Run ``rts`` counted round trips; return the process time they took."""
    loop = _loop.loop
    warmup = max(rts // 10, conns)
    total = warmup + rts
    state = {"done": 0, "sent": 0, "t0": 0.0, "t1": 0.0, "open": conns}

    def client_send(h: Any) -> None:
        state["sent"] += 1
        h.write(MSG)

    def client_finish() -> None:
        if counter is not None:
            sys.setprofile(None)
        state["t1"] = time.process_time()

    def client_on_read(h: Any, data: Any, error: Any) -> None:
        if data is None:
            h.close()
            return
        state["done"] += 1
        done = state["done"]
        if done == warmup:
            state["t0"] = time.process_time()
            if counter is not None:
                sys.setprofile(counter)
        if done == total:
            client_finish()
        if state["sent"] < total:
            client_send(h)
        else:
            client_close(h)

    def client_close(h: Any) -> None:
        h.close()
        state["open"] -= 1
        if state["open"] == 0:
            close_server()

    def client_on_connect(h: Any, error: Any) -> None:
        assert error is None, error
        h.nodelay(True)
        h.start_read(client_on_read)
        client_send(h)

    def client_start(addr: Any) -> None:
        for _ in range(conns):
            c = pyuv.TCP(loop)
            c.connect(addr, client_on_connect)

    close_server = SERVERS[server_kind]("echo", client_start)
    run()
    assert state["done"] == total, state
    return state["t1"] - state["t0"]


def churn(server_kind: str, conns: int, counter: Counter | None) -> float:
    """Run ``conns`` counted connect/read/close cycles; return their process time."""
    loop = _loop.loop
    warmup = max(conns // 10, IN_FLIGHT)
    total = warmup + conns
    state: dict[str, Any] = {"started": 0, "closed": 0, "t0": 0.0, "t1": 0.0}

    def client_start() -> None:
        state["started"] += 1
        c = pyuv.TCP(loop)
        c.connect(state["addr"], client_on_connect)

    def client_on_connect(h: Any, error: Any) -> None:
        assert error is None, error
        h.start_read(client_on_read)

    def client_on_read(h: Any, data: Any, error: Any) -> None:
        if data is None:
            h.close(client_on_close)

    def client_on_close(h: Any) -> None:
        state["closed"] += 1
        closed = state["closed"]
        if closed == warmup:
            state["t0"] = time.process_time()
            if counter is not None:
                sys.setprofile(counter)
        if closed == total:
            if counter is not None:
                sys.setprofile(None)
            state["t1"] = time.process_time()
            client_close_server()
        elif state["started"] < total:
            client_start()

    def client_close_server() -> None:
        close_server()

    def client_begin(addr: Any) -> None:
        state["addr"] = addr
        for _ in range(IN_FLIGHT):
            client_start()

    close_server = SERVERS[server_kind]("hello", client_begin)
    run()
    assert state["closed"] == total, state
    return state["t1"] - state["t0"]


def speedups_state() -> str:
    """Which per-message path the server runs: 'accelerated' (nodenet_uv._speedups) or
    'pure' (NODENET_UV_PURE=1, or the extension is not built)."""
    try:
        from nodenet_uv import _speedups
    except ImportError:
        return "pure"
    return "accelerated" if _speedups.enabled() else "pure"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rt", type=int, default=20000, help="counted round trips")
    ap.add_argument("--conns", type=int, default=10, help="ping-pong connections")
    ap.add_argument("--churn", type=int, default=2000, help="counted churn connections")
    ap.add_argument("--runs", type=int, default=5, help="timed runs (best is kept)")
    ap.add_argument("--server", choices=sorted(SERVERS), default="nodenet")
    ap.add_argument("--detail", action="store_true", help="calls per function per op")
    ap.add_argument(
        "--only", choices=("pp", "churn"), help="run one workload (e.g. under callgrind)"
    )
    ap.add_argument(
        "--callgrind",
        action="store_true",
        help="one uncounted, untimed run of the workload(s): for valgrind --tool=callgrind, "
        "where instructions per op = (Ir at 2N - Ir at N) / N",
    )
    ap.add_argument(
        "--both",
        action="store_true",
        help="first the pure path (a child process with NODENET_UV_PURE=1), then this one",
    )
    args = ap.parse_args()
    if args.both:
        argv = [a for a in sys.argv[1:] if a != "--both"]
        env = dict(os.environ, NODENET_UV_PURE="1")
        subprocess.run([sys.executable, __file__, *argv], env=env, check=True)
    print(f"path: {speedups_state()}", file=sys.stderr)

    for key, label, ops, work in (
        (
            "pp",
            f"ping-pong x{args.conns}",
            args.rt,
            lambda c: ping_pong(args.server, args.conns, args.rt, c),
        ),
        ("churn", "churn", args.churn, lambda c: churn(args.server, args.churn, c)),
    ):
        if args.only and key != args.only:
            continue
        if args.callgrind:
            work(None)
            continue
        counter = Counter()
        counter.detail = args.detail
        work(counter)
        best = min(work(None) for _ in range(args.runs))
        print(
            f"{args.server:8} {label:14} calls/op {counter.calls / ops:6.1f}  "
            f"c_calls/op {counter.c_calls / ops:6.1f}  cpu/op {best / ops * 1e6:6.2f} us"
        )
        if args.detail:
            for name, n in sorted(counter.by_name.items(), key=lambda kv: -kv[1]):
                if n / ops >= 0.05:
                    print(f"    {n / ops:6.2f}  {name}")


if __name__ == "__main__":
    main()
