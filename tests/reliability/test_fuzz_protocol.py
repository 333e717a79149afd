"""Protocol fuzz (issue 18): random byte streams, split points, pause/resume, cork/uncork
and close/end/RST timing between a nodenet_uv server and a client, over TCP and Unix
sockets.

The client is a nodenet_uv socket, a raw Python ``socket`` (in a thread) or node 24
(``fuzz_peer.js``); the server is a nodenet_uv echo server that pauses and resumes its
reading at random and may end, destroy or reset (``resetAndDestroy``) the connection after
a random number of bytes. Every run must:

* let no exception escape the library (``process.on('uncaughtException')`` sees none) and
  emit on 'error' only what Node emits for these faults (ECONNRESET, EPIPE);
* end with 'close' on both sides within a deadline (no hang);
* deliver a prefix of what was sent, each way (the server's bytes are a prefix of what the
  client wrote, the echo a prefix of what the server received), and exactly what was sent
  when nobody destroyed or reset anything.
"""

from __future__ import annotations

import json
import socket as pysocket
import struct
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nodenet_uv import net, process, run, timers
from nodenet_uv._binding import handle_wrap as _handle_wrap
from nodenet_uv._binding.tcp_wrap import TCP
from nodenet_uv.testing.node_peer import find_node
from tests.reliability.conftest import SOAK, Load

HERE = Path(__file__).resolve().parent
NODE = find_node()
DEADLINE_MS = 20_000
ALLOWED_ERRORS = {"ECONNRESET", "EPIPE"}

SETTINGS = settings(
    max_examples=Load(full=SOAK).n(8, 500),
    deadline=None,
    derandomize=not SOAK,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)


def stream_bytes(seed: int, n: int, state: list[int]) -> bytes:
    """xorshift32, the same stream as fuzz_peer.js (``state`` carries on between calls)."""
    x = state[0] or (seed & 0xFFFFFFFF) or 1
    out = bytearray(n)
    for i in range(n):
        x ^= (x << 13) & 0xFFFFFFFF
        x ^= x >> 17
        x ^= (x << 5) & 0xFFFFFFFF
        out[i] = x & 0xFF
    state[0] = x
    return bytes(out)


# --- plans -----------------------------------------------------------------------------

SIZES = st.one_of(st.integers(0, 2048), st.sampled_from([1, 4096, 65536, 200_000]))
OPS = st.one_of(
    SIZES.map(lambda n: ["write", n]),
    st.integers(0, 5).map(lambda ms: ["wait", ms]),
    st.sampled_from([["cork"], ["uncork"], ["pause"], ["resume"]]),
)


@dataclass
class Plan:
    seed: int
    ops: list[list[Any]]
    final: str  # "end" | "destroy" | "reset"
    server_fault: str  # "none" | "end" | "destroy" | "reset"
    server_fault_after: int  # bytes received before the server's fault
    server_toggles: list[int]  # ms offsets of the server's pause/resume toggles
    transport: str  # "tcp" | "unix"

    @property
    def graceful(self) -> bool:
        return self.final == "end" and self.server_fault == "none"

    def client_ops(self) -> list[list[Any]]:
        # Every cork is uncorked and reading resumed before the final step (a client that
        # ends while still paused would never read the server's FIN: a hang of its own).
        corks = sum(1 for o in self.ops if o[0] == "cork")
        return [*self.ops, *[["uncork"]] * corks, ["resume"]]


plans = st.builds(
    Plan,
    seed=st.integers(1, 2**32 - 1),
    ops=st.lists(OPS, max_size=12),
    final=st.sampled_from(["end", "end", "destroy", "reset"]),
    server_fault=st.sampled_from(["none", "none", "end", "destroy", "reset"]),
    server_fault_after=st.integers(0, 70_000),
    server_toggles=st.lists(st.integers(0, 20), max_size=6),
    transport=st.sampled_from(["tcp", "unix"]),
)


# --- the nodenet_uv server -------------------------------------------------------------


@dataclass
class Run:
    received: bytearray = field(default_factory=bytearray)  # by the server
    echoed: bytearray = field(default_factory=bytearray)  # read back by the client
    sent: bytearray = field(default_factory=bytearray)  # written by the client
    errors: list[str] = field(default_factory=list)  # 'error' events, both sides
    escaped: list[BaseException] = field(default_factory=list)  # uncaughtException
    closed: set[str] = field(default_factory=set)  # sides that emitted 'close'
    hung: bool = False


def on_error(r: Run, side: str) -> Callable[[BaseException], None]:
    def record(err: BaseException) -> None:
        r.errors.append(f"{side}:{getattr(err, 'code', None) or type(err).__name__}: {err}")

    return record


def reset(sock: Any) -> None:
    """resetAndDestroy(); on a Unix socket Node throws ERR_INVALID_HANDLE_TYPE (RST is a
    TCP thing): checked, then the socket is destroyed instead."""
    if sock._handle is not None and not isinstance(sock._handle, TCP):
        with pytest.raises(TypeError) as info:
            sock.resetAndDestroy()
        assert getattr(info.value, "code", None) == "ERR_INVALID_HANDLE_TYPE"
        sock.destroy()
    else:
        sock.resetAndDestroy()


def start_server(plan: Plan, r: Run, address: Any, on_listening: Callable[[], None]) -> Any:
    srv = net.createServer()

    def on_connection(sock: Any) -> None:
        srv.close()  # one connection a run; 'close' on the server after it ends
        sock.on("error", on_error(r, "server"))
        sock.on("close", lambda: r.closed.add("server"))
        faulted = [False]

        def on_data(data: bytes) -> None:
            r.received += data
            if not sock.destroyed and sock.writable:
                sock.write(data)
            if (
                plan.server_fault != "none"
                and not faulted[0]
                and len(r.received) >= plan.server_fault_after
            ):
                faulted[0] = True
                if plan.server_fault == "end":
                    sock.end()
                elif plan.server_fault == "destroy":
                    sock.destroy()
                else:
                    reset(sock)

        sock.on("data", on_data)
        paused = [False]
        for i, ms in enumerate(sorted(plan.server_toggles)):

            def toggle(last: bool = i == len(plan.server_toggles) - 1) -> None:
                if last or paused[0]:
                    sock.resume()
                    paused[0] = False
                else:
                    sock.pause()
                    paused[0] = True

            timers.setTimeout(toggle, ms)

    srv.on("connection", on_connection)
    srv.on("error", on_error(r, "listen"))
    srv.listen(address, on_listening)
    return srv


def server_address(plan: Plan, pipe_path: str) -> Any:
    return {"port": 0, "host": "127.0.0.1"} if plan.transport == "tcp" else {"path": pipe_path}


def drive(r: Run, extra: Callable[[], None] | None = None) -> None:
    """Run the loop to its end; a watchdog (unref'ed: it does not keep the loop alive)
    marks a hang and closes every handle after the deadline."""

    def watchdog() -> None:
        r.hung = True
        if extra:
            extra()
        for w in list(_handle_wrap.open_handles):
            w.close()

    t = timers.setTimeout(watchdog, DEADLINE_MS)
    t.unref()
    process.on("uncaughtException", r.escaped.append)
    try:
        run()
    finally:
        process.removeListener("uncaughtException", r.escaped.append)
        timers.clearTimeout(t)


def check(plan: Plan, r: Run, sides: tuple[str, ...] = ("client", "server")) -> None:
    assert not r.hung, f"hang: no 'close' within {DEADLINE_MS} ms ({plan})"
    assert not r.escaped, f"exceptions escaped the library: {r.escaped!r} ({plan})"
    bad = [e for e in r.errors if e.split(":")[1] not in ALLOWED_ERRORS]
    assert not bad, f"'error' events Node would not emit here: {bad} ({plan})"
    for side in sides:
        assert side in r.closed, f"no 'close' on the {side} ({plan})"
    sent, received, echoed = bytes(r.sent), bytes(r.received), bytes(r.echoed)
    assert sent.startswith(received), (
        f"server got {len(received)} B that are not a prefix of the {len(sent)} B sent ({plan})"
    )
    assert received.startswith(echoed), (
        f"echo of {len(echoed)} B is not a prefix of the {len(received)} B received ({plan})"
    )
    if plan.graceful:
        assert received == sent, f"graceful run lost bytes: {len(received)}/{len(sent)} ({plan})"
        assert echoed == sent, f"graceful run lost echo: {len(echoed)}/{len(sent)} ({plan})"
    if plan.graceful:
        assert not r.errors, f"errors in a graceful run: {r.errors} ({plan})"


@dataclass
class Tally:
    runs: int = 0
    bytes: int = 0


@pytest.fixture
def tally(reliability_row: Callable[..., None], request: Any) -> Any:
    t = Tally()
    yield t
    reliability_row(
        test=f"protocol fuzz: {request.node.name.removeprefix('test_')}",
        load=f"{t.runs} runs, TCP and Unix",
        faults="random split points, pause/resume, cork/uncork, end/destroy/RST timing",
        bad_inputs=t.runs,
        bytes_compared=t.bytes,
        leaks=[],
        lost=0,
    )


# --- client: nodenet_uv ----------------------------------------------------------------


def nodenet_client(plan: Plan, r: Run, target: Any) -> None:
    """A nodenet_uv client running the plan's ops, then its final step."""
    state = [0]
    ops = plan.client_ops()
    sock: Any = net.connect(target)
    sock.on("error", on_error(r, "client"))
    sock.on("close", lambda: r.closed.add("client"))
    sock.on("data", lambda d: r.echoed.extend(d))

    def step(i: int) -> None:
        if sock.destroyed:
            return
        if i == len(ops):
            if plan.final == "end":
                sock.end()
            elif plan.final == "destroy":
                sock.destroy()
            else:
                reset(sock)
            return
        op = ops[i]
        if op[0] == "write":
            b = stream_bytes(plan.seed, op[1], state)
            r.sent += b
            sock.write(b)
        elif op[0] == "wait":
            timers.setTimeout(step, op[1], i + 1)
            return
        else:
            getattr(sock, op[0])()
        step(i + 1)

    sock.on("connect", lambda: step(0))


@SETTINGS
@given(plan=plans)
def test_nodenet_client(plan: Plan, pipe_path: str, tally: Tally) -> None:
    r = Run()

    def client() -> None:
        addr = srv.address()
        nodenet_client(
            plan,
            r,
            {"port": addr["port"], "host": "127.0.0.1"}
            if plan.transport == "tcp"
            else {"path": pipe_path},
        )

    srv = start_server(plan, r, server_address(plan, pipe_path), client)
    drive(r)
    check(plan, r)
    tally.runs += 1
    tally.bytes += len(r.received) + len(r.echoed)


@SETTINGS
@given(plan=plans)
def test_nodenet_client_node_server(plan: Plan, pipe_path: str, tally: Tally) -> None:
    """The nodenet_uv client against a node 24 echo server with the same random pauses
    and faults."""
    assert NODE, "node 24 (the oracle) not found"
    r = Run()
    listen = {"port": 0, "host": "127.0.0.1"} if plan.transport == "tcp" else {"path": pipe_path}
    spec = {
        "listen": listen,
        "server_fault": plan.server_fault,
        "server_fault_after": plan.server_fault_after,
        "toggles": plan.server_toggles,
    }
    proc = subprocess.Popen(
        [NODE, str(HERE / "fuzz_peer.js"), json.dumps(spec)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout
        port = json.loads(proc.stdout.readline())["port"]
        nodenet_client(plan, r, {"port": port, "host": "127.0.0.1"} if port is not None else listen)
        drive(r, extra=proc.kill)
        out, _ = proc.communicate(timeout=DEADLINE_MS / 1000)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    report = json.loads(out.strip().splitlines()[-1])
    assert report["closed"], f"node server saw no 'close' ({plan})"
    r.closed.add("server")
    r.received += bytes.fromhex(report["received"])
    r.errors += [f"node:{c}" for c in report["errors"]]
    check(plan, r)
    tally.runs += 1
    tally.bytes += len(r.received) + len(r.echoed)


# --- client: a raw Python socket in a thread ----------------------------------------------


def raw_client(plan: Plan, address: Any, r: Run, done: threading.Event) -> None:
    state = [0]
    try:
        if plan.transport == "tcp":
            s = pysocket.create_connection(address, timeout=DEADLINE_MS / 1000)
        else:
            s = pysocket.socket(pysocket.AF_UNIX, pysocket.SOCK_STREAM)
            s.settimeout(DEADLINE_MS / 1000)
            s.connect(address)
        with s:
            s.setblocking(True)
            s.settimeout(DEADLINE_MS / 1000)
            try:
                for op in plan.client_ops():
                    if op[0] == "write":
                        b = stream_bytes(plan.seed, op[1], state)
                        r.sent += b
                        s.sendall(b)
                    elif op[0] == "wait":
                        time.sleep(op[1] / 1000)
            except OSError:
                pass  # the server reset or closed: what it got is checked
            if plan.final == "end":
                try:
                    s.shutdown(pysocket.SHUT_WR)
                    while chunk := s.recv(65536):
                        r.echoed += chunk
                except OSError:
                    pass
            elif plan.final == "reset":
                s.setsockopt(pysocket.SOL_SOCKET, pysocket.SO_LINGER, struct.pack("ii", 1, 0))
    finally:
        r.closed.add("client")
        done.set()


@SETTINGS
@given(plan=plans)
def test_raw_python_client(plan: Plan, pipe_path: str, tally: Tally) -> None:
    r = Run()
    done = threading.Event()
    threads: list[threading.Thread] = []

    def client() -> None:
        addr = srv.address()
        target = ("127.0.0.1", addr["port"]) if plan.transport == "tcp" else pipe_path
        th = threading.Thread(target=raw_client, args=(plan, target, r, done), daemon=True)
        threads.append(th)
        th.start()

    srv = start_server(plan, r, server_address(plan, pipe_path), client)
    drive(r)
    for th in threads:
        th.join(DEADLINE_MS / 1000)
        assert not th.is_alive(), f"raw client thread hung ({plan})"
    if plan.final != "end":
        # The raw client may have read nothing of the echo (it only reads after a
        # graceful end): what it did read is still checked as a prefix.
        pass
    check(plan, r, sides=("server",))
    tally.runs += 1
    tally.bytes += len(r.received) + len(r.echoed)


# --- client: node 24 ---------------------------------------------------------------------


@SETTINGS
@given(plan=plans)
def test_node_client(plan: Plan, pipe_path: str, tally: Tally) -> None:
    assert NODE, "node 24 (the oracle) not found"
    r = Run()
    procs: list[subprocess.Popen[str]] = []

    def client() -> None:
        addr = srv.address()
        target = (
            {"port": addr["port"], "host": "127.0.0.1"}
            if plan.transport == "tcp"
            else {"path": pipe_path}
        )
        spec = {"connect": target, "seed": plan.seed, "ops": plan.client_ops(), "final": plan.final}
        procs.append(
            subprocess.Popen(
                [NODE, str(HERE / "fuzz_peer.js"), json.dumps(spec)],
                stdout=subprocess.PIPE,
                text=True,
            )
        )

    srv = start_server(plan, r, server_address(plan, pipe_path), client)

    def kill_peers() -> None:
        for p in procs:
            p.kill()

    drive(r, extra=kill_peers)
    assert procs, f"the server never listened ({plan})"
    out, _ = procs[0].communicate(timeout=DEADLINE_MS / 1000)
    report = json.loads(out.strip().splitlines()[-1])
    assert report["closed"], f"node client saw no 'close' ({plan})"
    r.closed.add("client")
    r.sent += stream_bytes(plan.seed, report["written"], [0])
    r.echoed += bytes.fromhex(report["echo"])
    r.errors += [f"node:{c}" for c in report["errors"]]
    check(plan, r)
    tally.runs += 1
    tally.bytes += len(r.received) + len(r.echoed)
