"""Issue 14: Python mistakes are loud and Python's types work where Node takes a value
(docs/python-rules.md, "Python mistakes are loud"). One test (or more) per finding."""

from __future__ import annotations

import inspect
import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from nodenet_uv import events, net, run, stream
from nodenet_uv._internal.naming import snake
from nodenet_uv.testing import common

# -- 2. unknown keyword arguments raise TypeError; unknown dict keys stay ignored --------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: net.createServer(allow_half_opn=True),
            "createServer() got an unexpected keyword argument 'allow_half_opn'",
        ),
        (
            lambda: net.Server(bogus=1),
            "Server() got an unexpected keyword argument 'bogus'",
        ),
        (
            lambda: net.connect(1, "127.0.0.1", bogus=1),
            "connect() got an unexpected keyword argument 'bogus'",
        ),
        (
            lambda: net.createConnection(port=1, bogus=1),
            "connect() got an unexpected keyword argument 'bogus'",
        ),
        (lambda: net.Socket(bogus=1), "Socket() got an unexpected keyword argument 'bogus'"),
        (
            lambda: stream.Readable(high_water=1),
            "Readable() got an unexpected keyword argument 'high_water'",
        ),
        (lambda: stream.Writable(x=1), "Writable() got an unexpected keyword argument 'x'"),
        (lambda: stream.Duplex(x=1), "Duplex() got an unexpected keyword argument 'x'"),
        (
            lambda: events.on(events.EventEmitter(), "x", bogus=1),
            "on() got an unexpected keyword argument 'bogus'",
        ),
    ],
)
def test_unknown_keyword_argument_is_a_type_error(call: Any, message: str) -> None:
    with pytest.raises(TypeError) as info:
        call()
    assert str(info.value) == message


def test_listen_unknown_keyword_argument_is_a_type_error() -> None:
    server = net.createServer()
    with pytest.raises(TypeError) as info:
        server.listen(0, "127.0.0.1", callback=lambda: None)
    assert str(info.value) == "listen() got an unexpected keyword argument 'callback'"
    assert not server.listening
    server.close()
    run()


def test_known_keyword_arguments_and_unknown_dict_keys_still_work() -> None:
    server = net.createServer({"bogus": 1}, allow_half_open=True, pause_on_connect=True)
    assert server.allowHalfOpen is True

    def listening() -> None:
        sock = net.connect({"port": server.address()["port"], "bogus": 1}, no_delay=True)
        sock.on("connect", common.mustCall(lambda: (sock.destroy(), server.close())))

    server.listen({"port": 0, "host": "127.0.0.1", "bogus": 1}, common.mustCall(listening))
    s = stream.Readable(read=lambda n: None, high_water_mark=4)
    assert s.readableHighWaterMark == 4
    run()


# -- 3. os.PathLike wherever Node takes a path --------------------------------------------


@pytest.mark.parametrize("form", ["positional", "dict", "keyword", "createConnection"])
def test_pathlike_paths(form: str, tmp_path: Any) -> None:
    path = tmp_path / "s.sock"
    server = net.createServer(lambda s: s.end())

    def listening() -> None:
        assert server.address() == str(path)
        if form == "positional":
            client = net.connect(path)
        elif form == "dict":
            opts = {"path": path}
            client = net.connect(opts)
            assert opts == {"path": path}  # the caller's dict is not changed
        elif form == "keyword":
            client = net.connect(path=path)
        else:
            client = net.createConnection({"path": path})
        client.on("connect", common.mustCall())
        client.resume()
        client.on("close", common.mustCall(lambda *a: server.close()))

    if form == "dict":
        server.listen({"path": path}, common.mustCall(listening))
    elif form == "keyword":
        server.listen(common.mustCall(listening), path=path)
    else:
        server.listen(path, common.mustCall(listening))
    run()


# -- 4. JS coercion where Node takes any value --------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    # node 24's own results (server.maxConnections = value, two connections in turn)
    [("abc", "conn,conn"), ("1", "conn,conn"), ([], "drop,drop"), (True, "conn,conn")],
)
def test_max_connections_compares_as_js(value: Any, expected: str) -> None:
    got: list[str] = []
    server = net.createServer(lambda s: s.destroy())
    server.maxConnections = value
    server.on("drop", lambda *a: got.append("drop"))
    server.on("connection", lambda s: got.append("conn"))

    def connect(then: Any) -> None:
        c = net.connect(server.address()["port"], "127.0.0.1")
        c.on("error", lambda e: None)
        c.on("close", lambda *a: then())

    def done() -> None:
        from nodenet_uv import timers

        timers.setTimeout(lambda: server.close(), 20)

    server.listen(0, "127.0.0.1", lambda: connect(lambda: connect(done)))
    run()
    assert ",".join(got) == expected


# -- 5. a listener requiring more arguments than passed gets None for the missing ones ----


def test_listener_requiring_more_arguments_gets_none() -> None:
    ee = events.EventEmitter()
    seen: list[Any] = []

    def two(a: Any, b: Any) -> None:
        seen.append(("two", a, b))

    def with_default(a: Any, b: Any, c: Any = 5) -> None:
        seen.append(("default", a, b, c))

    class Obj:
        def method(self, a: Any, b: Any) -> None:
            seen.append(("method", a, b))

    ee.on("x", two)
    ee.on("x", with_default)
    ee.on("x", Obj().method)
    ee.once("x", lambda a, b, c: seen.append(("once", a, b, c)))
    ee.emit("x", 1)
    assert seen == [
        ("two", 1, None),
        ("default", 1, None, 5),
        ("method", 1, None),
        ("once", 1, None, None),
    ]


def test_close_listener_with_two_parameters_and_timers() -> None:
    from nodenet_uv import process, timers

    seen: list[Any] = []
    sock = net.Socket()
    sock.on("close", common.mustCall(lambda had_error, extra: seen.append((had_error, extra))))
    sock.destroy()
    timers.setTimeout(common.mustCall(lambda a: seen.append(("timeout", a))), 1)
    timers.setImmediate(common.mustCall(lambda a, b: seen.append(("immediate", a, b))), 1)
    process.nextTick(common.mustCall(lambda a: seen.append(("tick", a))))
    run()
    # (a Socket without a handle emits 'close' with no argument, as Node's)
    assert seen[:2] == [(None, None), ("tick", None)]
    assert sorted(map(str, seen[2:])) == [str(("immediate", 1, None)), str(("timeout", None))]


# -- 1. every Node property in both spellings, for get and set ----------------------------

_NODE_NAMES_JS = Path(__file__).with_name("issue14_node_names.js")

# Names node lists that cannot or need not have a Python twin, each with its reason.
_EXCLUDED: dict[str, str] = {
    # `events` and `stream` are functions in Node (EventEmitter, Stream): a function's own
    # properties, not module API.
    "length": "a JS function's own property",
    "name": "a JS function's own property",
    "prototype": "a JS function's own property",
    # Undocumented internals of lib/events.js.
    "init": "EventEmitter.init, Node's internal initialiser (Python: __init__)",
    "kMaxEventTargetListeners": "an internal Symbol-valued key of lib/events.js",
    "kMaxEventTargetListenersWarned": "an internal Symbol-valued key of lib/events.js",
    "EventEmitterAsyncResource": "async_hooks is not ported",
}
# Writable in JS, but Symbol constants nobody reassigns: a module constant in Python.
_SET_EXCLUDED = {"captureRejectionSymbol", "errorMonitor"}
# `stream` is the legacy Stream constructor, whose prototype chain is EventEmitter's: these
# are EventEmitter's statics reached through JS function inheritance, not stream's API (in
# Python they are events.X; nodenet_uv.stream is a module, not a subclass of EventEmitter).
_STREAM_INHERITED_FROM_EVENTS = {
    "addAbortListener",
    "once",
    "on",
    "getEventListeners",
    "getMaxListeners",
    "setMaxListeners",
    "listenerCount",
    "EventEmitter",
    "usingDomains",
    "captureRejectionSymbol",
    "captureRejections",
    "errorMonitor",
    "defaultMaxListeners",
}


def _node_names() -> dict[str, dict[str, str]]:
    node = os.environ["NODENET_UV_NODE"]
    out = subprocess.run([node, str(_NODE_NAMES_JS)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def test_every_node_property_has_both_spellings_for_get_and_set() -> None:
    from nodenet_uv import timers

    objects: dict[str, Any] = {
        "Socket": net.Socket(),
        "Server": net.Server(),
        "Readable": stream.Readable(),
        "Writable": stream.Writable(),
        "Duplex": stream.Duplex(),
        "EventEmitter": events.EventEmitter(),
        "net": net,
        "events": events,
        "stream": stream,
        "timers": timers,
    }
    missing: list[str] = []
    for where, names in _node_names().items():
        obj = objects[where]
        for name, kind in names.items():
            if name.startswith("_") or name in _EXCLUDED:
                continue  # Node internals (`_handle`, `_events`...) and the list above
            if where == "stream" and name in _STREAM_INHERITED_FROM_EVENTS:
                continue
            if name[:1].isupper():
                # A constructor (net.Socket, stream.Readable): Python's CapWords class
                # name, which has no snake_case spelling.
                assert hasattr(obj, name), f"{where}.{name}"
                continue
            py = snake(name)
            for spelling in {name, py}:
                if not hasattr(obj, spelling):
                    missing.append(f"{where}.{spelling}")
            if kind == "settable" and py != name and name not in _SET_EXCLUDED:
                # Setting the snake_case name must set the Node one: a data descriptor.
                owner = obj if isinstance(obj, type) else type(obj)
                alias = inspect.getattr_static(owner, py, None)
                if not hasattr(type(alias), "__set__"):
                    missing.append(f"{where}.{py} (set)")
    assert missing == []


def test_snake_case_attribute_sets_the_node_one() -> None:
    server = net.createServer()
    server.max_connections = 1
    assert server.maxConnections == 1
    server.allow_half_open = True
    assert server.allowHalfOpen is True
    server.maxConnections = 1
    assert server.max_connections == 1
    sock = net.Socket()
    assert sock.allow_half_open is False
    assert sock.auto_select_family_attempted_addresses is None
    sock.allow_half_open = True
    assert sock.allowHalfOpen is True
    assert "allow_half_open" not in sock.__dict__
    events.default_max_listeners = 11
    try:
        assert events.defaultMaxListeners == 11
    finally:
        events.defaultMaxListeners = 10

    # 3 connections in turn, held open: maxConnections = 1 (set by its snake name) takes one.
    drops: list[Any] = []
    server.on("drop", lambda *a: drops.append(a))
    held: list[Any] = []
    server.on("connection", common.mustCall(lambda s: held.append(s)))
    clients: list[Any] = []

    def listening() -> None:
        for _ in range(3):
            c = net.connect(server.address()["port"], "127.0.0.1")
            c.on("error", lambda e: None)
            c.on("close", lambda *a: done())
            clients.append(c)

    def done() -> None:
        if len(drops) == 2:
            for c in clients:
                c.destroy()
            for s in held:
                s.destroy()
            server.close()

    server.listen(0, "127.0.0.1", listening)
    run()
    assert len(drops) == 2


# -- 6. a queued mutable buffer is held through a buffer export ---------------------------


@pytest.mark.parametrize("kind", ["bytearray", "memoryview"])
def test_queued_mutable_buffer_is_held_until_written(kind: str) -> None:
    from nodenet_uv import timers

    got: list[bytes] = []
    seen: dict[str, Any] = {}
    server = net.createServer(
        lambda s: (s.on("data", got.append), s.on("end", lambda: server.close()))
    )

    def listening() -> None:
        c = net.connect(server.address()["port"], "127.0.0.1")
        c.cork()
        ba = bytearray(b"abc")
        data: Any = ba if kind == "bytearray" else memoryview(ba)
        c.write(data)
        seen["writableLength"] = c.writableLength
        with pytest.raises(BufferError):
            ba.extend(b"XYZ")  # would send more than writableLength counted
        if kind == "memoryview":
            data.release()  # the caller may drop its view: ours still holds the memory
            with pytest.raises(BufferError):
                ba.extend(b"XYZ")
        ba[0] = ord("A")  # in-place changes show through, as in Node
        c.uncork()
        c.end()

        def finished() -> None:
            def later() -> None:
                ba.extend(b"!")  # the write is done: free again
                seen["after"] = bytes(ba)

            timers.setImmediate(later)

        c.on("finish", common.mustCall(finished))
        c.on("close", common.mustCall(lambda *a: seen.update(bytesWritten=c.bytesWritten)))

    server.listen(0, "127.0.0.1", common.mustCall(listening))
    run()
    assert b"".join(got) == b"Abc"
    assert seen == {"writableLength": 3, "bytesWritten": 3, "after": b"Abc!"}


# -- 7. no ResourceWarning under -X dev; the leak check sees every active handle ----------

_ECHO = """
from nodenet_uv import net, run
srv = net.createServer(lambda s: s.pipe(s))
def go():
    c = net.connect(srv.address()['port'], '127.0.0.1', lambda: c.end(b'hello'))
    c.on('data', lambda d: print('got', d))
    c.on('close', lambda *a: srv.close())
srv.listen(0, '127.0.0.1', go)
run()
"""


def test_no_resource_warning_under_dev_mode() -> None:
    import sys

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    for args in (["-c", _ECHO], [str(root / "examples" / "demo.py")]):
        out = subprocess.run(
            [sys.executable, "-X", "dev", "-W", "error::ResourceWarning", *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )
        assert out.returncode == 0, out.stderr
        assert "ResourceWarning" not in out.stderr, out.stderr
    assert (
        "got b'hello'"
        in subprocess.run(
            [sys.executable, "-X", "dev", "-c", _ECHO], capture_output=True, text=True, env=env
        ).stdout
    )


def test_leak_check_reports_an_unrefed_listening_server() -> None:
    from nodenet_uv.testing._runtime import leaks

    server = net.createServer()
    server.listen(0, "127.0.0.1")
    server.unref()
    run()  # returns at once: nothing ref'ed
    try:
        found = leaks()
        assert any("TCP" in f and "unref'ed" in f for f in found), found
    finally:
        server.close()
        run()
    assert leaks() == []


def test_abort_listener_requiring_more_arguments_gets_none() -> None:
    from nodenet_uv.abort_controller import AbortController

    seen: list[Any] = []
    ac = AbortController()
    ac.signal.addEventListener("abort", lambda event, extra: seen.append((event.type, extra)))
    ac.abort()
    assert seen == [("abort", None)]
