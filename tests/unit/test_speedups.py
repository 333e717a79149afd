"""nodenet_uv._speedups, the C per-message path (issue 17), against the Python reference.

The C path is taken only for unmodified objects; everything else must run the Python
code. These tests watch which of the Python functions the C path replaces actually run
(``sys.setprofile``) while a raw pyuv client exchanges messages with a nodenet_uv server
socket:

* an unmodified ``net.Socket``: none of them (the whole exchange is in C);
* a subclass, an instance attribute shadowing a method, a class attribute patched at run
  time, ``setEncoding``, an idle timeout, a write with a callback, ``set_enabled(False)``:
  the Python functions run (and the patched ones are called);
* in every case the bytes, the events and the counters are what the Python path gives.

A hypothesis test drives the same random operation sequences (client sends, writes of
random sizes, with and without callbacks, strings, pause/resume, cork/uncork,
setEncoding, read(), listeners added and removed, end, destroy, the peer's end) through
both paths (``set_enabled`` toggles the C path in-process; every C entry point checks it)
and compares the event traces, bytes and counters.

With ``NODENET_UV_PURE=1`` the extension must not load; that is checked in a subprocess,
and the in-process comparisons are skipped (there is no C path to compare).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest
import pyuv
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nodenet_uv import _stream_base_commons, net, process, run
from nodenet_uv._binding import loop as _loop
from nodenet_uv._binding import stream_wrap
from nodenet_uv._binding.tcp_wrap import TCP
from nodenet_uv._internal import task_queues
from nodenet_uv.stream import readable, writable
from nodenet_uv.timers import clearTimeout, setTimeout

try:
    from nodenet_uv import _speedups
except ImportError:
    _speedups = None

PURE = bool(os.environ.get("NODENET_UV_PURE")) and os.environ.get("NODENET_UV_PURE") != "0"
needs_c = pytest.mark.skipif(
    _speedups is None, reason="the C extension is disabled (NODENET_UV_PURE=1) or not built"
)

# The Python functions the C path stands in for.
WATCHED = {
    stream_wrap.LibuvStreamWrap._on_read.__code__: "_on_read",
    _stream_base_commons.onStreamRead.__code__: "onStreamRead",
    readable.Readable.push.__code__: "push",
    readable.readableAddChunkPushByteMode.__code__: "readableAddChunkPushByteMode",
    readable.maybeReadMore_.__code__: "maybeReadMore_",
    readable.Readable.read.__code__: "Readable.read",
    net.Socket.read.__code__: "Socket.read",
    net.Socket._write.__code__: "Socket._write",
    _stream_base_commons.writeGeneric.__code__: "writeGeneric",
    stream_wrap.LibuvStreamWrap.tryWriteBuffer.__code__: "tryWriteBuffer",
    writable.onwrite.__code__: "onwrite",
    task_queues.process_ticks_and_rejections.__code__: "process_ticks_and_rejections",
}


class Watch:
    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def __call__(self, frame: Any, event: str, arg: Any) -> None:
        if event == "call":
            name = WATCHED.get(frame.f_code)
            if name is not None:
                self.seen[name] = self.seen.get(name, 0) + 1


def echo_exchange(
    prepare: Callable[[net.Socket], None] = lambda s: None,
    rounds: int = 6,
    on_data: Callable[[net.Socket, Any], None] | None = None,
) -> dict[str, Any]:
    """A raw pyuv client sends `rounds` messages, one at a time; the server socket
    (prepared by `prepare`) echoes each. Python calls are watched for rounds 2..n-1."""
    watch = Watch()
    out: dict[str, Any] = {"server_data": [], "echoed": bytearray(), "events": []}
    msgs = [bytes([65 + i]) * (10 + i) for i in range(rounds)]
    loop = _loop.loop

    def on_connection(sock: net.Socket) -> None:
        out["sock"] = sock
        prepare(sock)

        def data(chunk: Any) -> None:
            out["server_data"].append(chunk)
            if on_data is not None:
                on_data(sock, chunk)
            else:
                sock.write(chunk if isinstance(chunk, bytes) else chunk.encode())

        sock.on("data", data)
        sock.on("end", lambda: (out["events"].append("end"), sock.end()))
        sock.on("close", lambda *_: (out["events"].append("close"), server.close()))
        sock.on("error", lambda err: out["events"].append(("error", err.code)))

    server = net.createServer(on_connection)
    state = {"i": 0}

    def client_on_read(h: Any, data: Any, error: Any) -> None:
        if data is None:
            h.close()
            return
        out["echoed"].extend(data)
        if len(out["echoed"]) < sum(len(m) for m in msgs[: state["i"]]):
            return
        if state["i"] == 1:
            sys.setprofile(watch)
        if state["i"] == rounds - 1:
            sys.setprofile(None)
        if state["i"] < rounds:
            h.write(msgs[state["i"]])
            state["i"] += 1
        else:
            h.shutdown()

    def client_on_connect(h: Any, error: Any) -> None:
        assert error is None
        h.start_read(client_on_read)
        h.write(msgs[0])
        state["i"] = 1

    def on_listening() -> None:
        c = pyuv.TCP(loop)
        c.connect(("127.0.0.1", server.address()["port"]), client_on_connect)

    server.listen(0, "127.0.0.1", on_listening)
    try:
        run()
    finally:
        sys.setprofile(None)
    sock = out["sock"]
    out["seen"] = watch.seen
    out["bytesRead"] = sock.bytesRead
    out["bytesWritten"] = sock.bytesWritten
    out["sent"] = b"".join(msgs)
    return out


def check_echo(out: dict[str, Any]) -> None:
    assert bytes(out["echoed"]) == out["sent"]
    assert out["bytesRead"] == len(out["sent"])
    assert out["bytesWritten"] == len(out["sent"])
    assert out["events"] == ["end", "close"]


# -- the extension's presence ---------------------------------------------------------------


def test_pure_env_disables_the_extension() -> None:
    code = (
        "import nodenet_uv.net\n"
        "from nodenet_uv._binding import stream_wrap\n"
        "from nodenet_uv.stream import writable\n"
        "try:\n"
        "    import nodenet_uv._speedups\n"
        "except ImportError:\n"
        "    print('pure', stream_wrap._sp_bind_on_read, writable._sp_write)\n"
    )
    env = dict(os.environ, NODENET_UV_PURE="1")
    res = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert res.stdout.strip() == "pure None None", res.stderr


@needs_c
def test_extension_is_configured_and_on() -> None:
    assert _speedups is not None
    echo_exchange()  # configures it on first use
    assert _speedups.config_error() is None
    assert _speedups.enabled()


# -- the guard: what takes the C path, what falls back ----------------------------------------


@needs_c
def test_unmodified_socket_takes_the_c_path() -> None:
    out = echo_exchange()
    check_echo(out)
    assert out["seen"] == {}, out["seen"]


@needs_c
def test_disabled_runs_the_python_path() -> None:
    assert _speedups is not None
    old = _speedups.set_enabled(False)
    try:
        out = echo_exchange()
    finally:
        _speedups.set_enabled(old)
    check_echo(out)
    for name in (
        "_on_read",
        "onStreamRead",
        "push",
        "maybeReadMore_",
        "writeGeneric",
        "onwrite",
        "process_ticks_and_rejections",
    ):
        assert out["seen"].get(name, 0) >= 4, (name, out["seen"])


@needs_c
def test_switching_paths_mid_stream_is_consistent() -> None:
    # The two paths share one state: alternating them message by message (and a
    # setEncoding/decoder round trip in the middle) changes nothing the peer or the
    # counters see.
    assert _speedups is not None
    flips: list[bool] = []

    def on_data(sock: net.Socket, chunk: Any) -> None:
        assert _speedups is not None
        flips.append(_speedups.set_enabled(len(flips) % 2 == 0))
        sock.write(chunk)

    try:
        out = echo_exchange(on_data=on_data, rounds=10)
    finally:
        _speedups.set_enabled(True)
    check_echo(out)
    assert flips == [True, True, False, True, False, True, False, True, False, True]


class SubSocket(net.Socket):
    pass


class PushSocket(net.Socket):
    pushed = 0

    def push(self, chunk: Any, encoding: Any = None) -> bool:
        PushSocket.pushed += 1
        return super().push(chunk, encoding)


@needs_c
def test_subclass_falls_back() -> None:
    def prepare(sock: net.Socket) -> None:
        sock.__class__ = SubSocket

    out = echo_exchange(prepare)
    check_echo(out)
    for name in ("onStreamRead", "push", "maybeReadMore_", "writeGeneric", "onwrite"):
        assert out["seen"].get(name, 0) >= 4, (name, out["seen"])


@needs_c
def test_subclass_overriding_push_is_called() -> None:
    PushSocket.pushed = 0

    def prepare(sock: net.Socket) -> None:
        sock.__class__ = PushSocket

    out = echo_exchange(prepare)
    check_echo(out)
    assert PushSocket.pushed >= 6  # every chunk, and the EOF


@needs_c
def test_instance_attribute_shadowing_a_method_falls_back() -> None:
    calls: list[int] = []

    def prepare(sock: net.Socket) -> None:
        orig_write = sock._write

        def _write(data: Any, encoding: Any, cb: Any) -> None:
            calls.append(len(data))
            orig_write(data, encoding, cb)

        sock._write = _write  # type: ignore[method-assign]

    out = echo_exchange(prepare)
    check_echo(out)
    assert len(calls) == 6
    # Only the write path calls self._write: the read path stays in C.
    assert out["seen"].get("writeGeneric", 0) >= 4
    assert "onStreamRead" not in out["seen"] and "push" not in out["seen"]


@needs_c
def test_instance_push_and_read_are_called() -> None:
    pushed: list[int] = []
    reads: list[Any] = []

    def prepare(sock: net.Socket) -> None:
        orig_push, orig_read = sock.push, sock.read

        def push(chunk: Any, encoding: Any = None) -> bool:
            pushed.append(0 if chunk is None else len(chunk))
            return orig_push(chunk, encoding)

        def read(n: Any = None) -> Any:
            reads.append(n)
            return orig_read(n)

        sock.push = push  # type: ignore[method-assign]
        sock.read = read  # type: ignore[method-assign]

    out = echo_exchange(prepare)
    check_echo(out)
    assert pushed == [10, 11, 12, 13, 14, 15, 0]
    assert reads.count(0) >= 6
    assert "writeGeneric" not in out["seen"]  # the write path stays in C


@needs_c
def test_class_patched_at_run_time_falls_back_and_recovers() -> None:
    calls: list[Any] = []
    orig = net.Socket.__dict__["_unrefTimer"]

    def patched(self: net.Socket) -> None:
        calls.append(1)
        orig(self)

    net.Socket._unrefTimer = patched  # type: ignore[method-assign]
    try:
        out = echo_exchange()
    finally:
        net.Socket._unrefTimer = orig  # type: ignore[method-assign]
    check_echo(out)
    assert out["seen"].get("onStreamRead", 0) >= 4 and out["seen"].get("writeGeneric", 0) >= 4
    out = echo_exchange()  # restored: the C path again
    check_echo(out)
    assert out["seen"] == {}, out["seen"]


@needs_c
def test_base_class_method_patched_at_run_time_is_called() -> None:
    # Socket.read calls Duplex.read(self, n) explicitly: patching Readable.read (which
    # Duplex inherits) must reach the C path's read(0) too.
    calls: list[Any] = []
    orig = readable.Readable.__dict__["read"]

    def patched(self: Any, n: Any = None) -> Any:
        calls.append(n)
        return orig(self, n)

    readable.Readable.read = patched  # type: ignore[method-assign]
    try:
        out = echo_exchange()
    finally:
        readable.Readable.read = orig  # type: ignore[method-assign]
    check_echo(out)
    assert calls.count(0) >= 6
    assert echo_exchange()["seen"] == {}


@needs_c
def test_set_encoding_falls_back_to_the_decoder() -> None:
    out = echo_exchange(lambda s: s.setEncoding("latin1"))
    check_echo(out)
    assert all(type(c) is str for c in out["server_data"])
    assert out["seen"].get("readableAddChunkPushByteMode", 0) >= 4


@needs_c
def test_idle_timeout_falls_back() -> None:
    out = echo_exchange(lambda s: s.setTimeout(60_000))
    check_echo(out)
    assert out["seen"].get("onStreamRead", 0) >= 4
    assert out["seen"].get("Socket._write", 0) >= 4


@needs_c
def test_write_with_callback_or_string_falls_back() -> None:
    cbs: list[Any] = []

    def on_data(sock: net.Socket, chunk: Any) -> None:
        sock.write(chunk[:1], lambda err=None: cbs.append(err))
        sock.write(chunk[1:].decode())

    out = echo_exchange(on_data=on_data)
    check_echo(out)
    assert cbs == [None] * 6
    assert out["seen"].get("writeGeneric", 0) >= 8


@needs_c
def test_paused_mode_readable_listener() -> None:
    got: list[bytes] = []

    def prepare(sock: net.Socket) -> None:
        def on_readable() -> None:
            while (chunk := sock.read()) is not None:
                got.append(chunk)
                sock.write(chunk)

        sock.on("readable", on_readable)

    out = echo_exchange(prepare, on_data=lambda s, c: None)
    # 'readable' switches the stream to paused mode: 'data' is emitted by read().
    assert b"".join(got) == out["sent"]
    check_echo(out)


@needs_c
def test_listeners_added_and_removed_mid_stream() -> None:
    log: list[Any] = []

    def zero() -> None:
        log.append("zero")

    def two(a: Any, b: Any) -> None:  # more parameters than passed: b is None
        log.append(("two", len(a), b))

    async def coro(chunk: Any) -> None:
        log.append(("async", len(chunk)))

    def on_data(sock: net.Socket, chunk: Any) -> None:
        n = len(log)
        if chunk[:1] == b"B":
            sock.on("data", zero)
            sock.on("data", two)
            sock.once("data", lambda c: log.append(("once", len(c))))
            sock.on("data", coro)
        if chunk[:1] == b"D":
            sock.removeListener("data", zero)
        log.append(("listener", len(chunk), n))
        sock.write(chunk)

    out = echo_exchange(on_data=on_data)
    check_echo(out)
    run()
    assert log == [
        ("listener", 10, 0),
        ("listener", 11, 1),
        ("listener", 12, 2),
        "zero",
        ("two", 12, None),
        ("once", 12),
        ("async", 12),
        ("listener", 13, 7),
        "zero",
        ("two", 13, None),
        ("async", 13),
        ("listener", 14, 11),
        ("two", 14, None),
        ("async", 14),
        ("listener", 15, 14),
        ("two", 15, None),
        ("async", 15),
    ]


@needs_c
@pytest.mark.parametrize("kind", ["ok", "onread-throws", "tick-throws", "microtasks"])
def test_c_on_read_is_make_callback(kind: str) -> None:
    # As tests/unit/test_binding_inlined.py does for the Python _on_read.
    def case(use_c: bool) -> list[str]:
        log: list[str] = []
        process.on("uncaughtException", lambda err, *_: log.append(f"uncaught {err}"))
        handle = TCP()

        def onread(h: Any, nread: int, buf: Any) -> None:
            log.append(f"onread {nread} {h.bytesRead}")
            process.nextTick(lambda: log.append("tick 1"))
            if kind == "tick-throws":
                process.nextTick(lambda: (_ for _ in ()).throw(ValueError("from tick")))
            process.nextTick(lambda: log.append("tick 2"))
            if kind == "microtasks":
                process.queueMicrotask(
                    lambda: (log.append("micro 1"), process.nextTick(lambda: log.append("tick 3")))
                )
                process.queueMicrotask(lambda: log.append("micro 2"))
            if kind == "onread-throws":
                raise ValueError("from onread")

        handle.onread = onread
        assert _speedups is not None
        cb = _speedups.bind_on_read(handle) if use_c else handle._on_read
        assert (type(cb) is not type(handle._on_read)) == use_c
        cb(handle._h, b"abc", None)
        cb(handle._h, b"", None)  # nread 0: nothing
        cb(handle._h, None, -4095)  # EOF
        log.append("after callback")
        handle.close()
        run()
        process.removeAllListeners("uncaughtException")
        return log

    assert case(True) == case(False)


# -- the differential test: random operation sequences through both paths ---------------------

OPS = st.one_of(
    st.tuples(st.just("send"), st.integers(1, 3000)),
    st.tuples(st.just("write"), st.integers(1, 40_000)),
    st.tuples(st.just("write_cb"), st.integers(1, 3000)),
    st.tuples(st.just("write_str"), st.integers(1, 100)),
    st.tuples(
        st.sampled_from(
            [
                "pause",
                "resume",
                "cork",
                "uncork",
                "setEncoding",
                "read",
                "add_data",
                "remove_data",
                "add_readable",
                "remove_readable",
                "setTimeout",
            ]
        ),
        st.just(0),
    ),
)
ENDINGS = st.sampled_from(["end", "destroy", "client_end", "none"])


def _err(err: Any) -> Any:
    return None if err is None else (type(err).__name__, getattr(err, "code", None), str(err))


def scenario(ops: list[tuple[str, int]], ending: str) -> list[Any]:
    """Run `ops` on a server socket, step by step (each step waits until the loop has
    nothing left to do for it); return the trace."""
    trace: list[Any] = []
    loop = _loop.loop
    ctx: dict[str, Any] = {"client_got": 0}

    def snap(tag: str) -> None:
        s = ctx["sock"]
        trace.append(
            (
                tag,
                s.bytesRead,
                s.bytesWritten,
                s.readableLength,
                s.writableLength,
                s.readableFlowing,
                s.destroyed,
                s.writableNeedDrain,
                s.readableEnded,
                s.writableFinished,
                s.isPaused(),
                ctx["client_got"],
            )
        )

    def extra(chunk: Any) -> None:
        trace.append(("extra-data", type(chunk).__name__, len(chunk)))

    def on_readable() -> None:
        s = ctx["sock"]
        trace.append(("readable", s.readableLength))
        while (chunk := s.read()) is not None:
            trace.append(("read", type(chunk).__name__, len(chunk)))

    def on_connection(sock: net.Socket) -> None:
        ctx["sock"] = sock
        sock.on("data", lambda c: trace.append(("data", type(c).__name__, len(c))))
        sock.on("drain", lambda: trace.append(("drain", sock.writableLength)))
        # allowHalfOpen: end our side when the peer ends, or the connection stays open.
        sock.on("end", lambda: (trace.append("end"), sock.end()))
        sock.on("finish", lambda: trace.append("finish"))
        sock.on("close", lambda *a: (trace.append(("close", *a)), server.close()))
        sock.on("error", lambda err: trace.append(("error", getattr(err, "code", None))))
        sock.on("timeout", lambda: trace.append("timeout"))
        step(0)

    def step(i: int) -> None:
        s = ctx["sock"]
        if i == len(ops):
            if ending == "end":
                s.end()
            elif ending == "destroy":
                s.destroy()
            elif ending == "client_end":
                ctx["client"].shutdown()
            else:
                s.destroy()
            return
        op, n = ops[i]
        try:
            if op == "send":
                ctx["client"].write(b"s" * n)
            elif op == "write":
                trace.append(("write", s.write(b"w" * n)))
            elif op == "write_cb":
                trace.append(
                    (
                        "write_cb",
                        s.write(b"c" * n, lambda err=None: trace.append(("cb", _err(err)))),
                    )
                )
            elif op == "write_str":
                trace.append(("write_str", s.write("t" * n)))
            elif op == "pause":
                s.pause()
            elif op == "resume":
                s.resume()
            elif op == "cork":
                s.cork()
            elif op == "uncork":
                s.uncork()
            elif op == "setEncoding":
                s.setEncoding("utf8")
            elif op == "read":
                r = s.read()
                trace.append(("read()", None if r is None else len(r)))
            elif op == "add_data":
                s.on("data", extra)
            elif op == "remove_data":
                s.removeListener("data", extra)
            elif op == "add_readable":
                s.on("readable", on_readable)
            elif op == "remove_readable":
                s.removeListener("readable", on_readable)
            elif op == "setTimeout":
                s.setTimeout(60_000)
        except Exception as exc:  # e.g. write after end
            trace.append(("raised", type(exc).__name__))
        wait_quiet(i, 0)

    def wait_quiet(i: int, tries: int) -> None:
        # Quiet: everything written has reached the client (or cannot), and a few
        # loop turns have passed for what was sent to the server.
        s = ctx["sock"]
        done = s.destroyed or (s.writableLength == 0 and ctx["client_got"] >= s.bytesWritten)
        if (done and tries >= 3) or tries > 60:
            snap(f"after {ops[i][0]}")
            step(i + 1)
            return
        # A nodenet_uv timer: each step runs in a callback scope, so its nextTicks run
        # right after it (a raw pyuv callback would leave them to the next scope).
        setTimeout(wait_quiet, 1, i, tries + 1)

    def client_on_read(h: Any, data: Any, error: Any) -> None:
        if data is None:
            h.close()
            return
        ctx["client_got"] += len(data)

    def client_on_connect(h: Any, error: Any) -> None:
        assert error is None
        h.start_read(client_on_read)

    def watchdog() -> None:
        trace.append("HUNG")
        ctx["sock"].destroy()
        close_client()
        server.close()

    def on_listening() -> None:
        c = pyuv.TCP(loop)
        ctx["client"] = c
        # A watchdog: a scenario that hangs (e.g. ended while paused: 'end' never comes)
        # is cut short, the same way on both paths.
        ctx["dog"] = setTimeout(watchdog, 1500).unref()
        c.connect(("127.0.0.1", server.address()["port"]), client_on_connect)

    server = net.createServer({"allowHalfOpen": True}, on_connection)
    server.listen(0, "127.0.0.1", on_listening)

    def close_client() -> None:
        if not ctx["client"].closed:
            ctx["client"].close()
        clearTimeout(ctx["dog"])

    server.on("close", close_client)
    run()
    trace.append(("final", ctx["client_got"]))
    return trace


@needs_c
@pytest.mark.timeout(1800)  # SPEEDUPS_EXAMPLES=500 for a longer run
@settings(
    max_examples=int(os.environ.get("SPEEDUPS_EXAMPLES", "25")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(ops=st.lists(OPS, max_size=12), ending=ENDINGS)
def test_pure_and_accelerated_paths_agree(ops: list[tuple[str, int]], ending: str) -> None:
    assert _speedups is not None
    old = _speedups.set_enabled(False)
    try:
        pure = scenario(ops, ending)
    finally:
        _speedups.set_enabled(old)
    accelerated = scenario(ops, ending)
    assert accelerated == pure
