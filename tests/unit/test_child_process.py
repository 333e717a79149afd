"""child_process (issue 15): spawn, exec, execFile, the *Sync forms, fork and the IPC
channel, as node v24.22.3 does them.

Expected values come from node v24.22.3 on this machine (the JS is in the comments where
it is not obvious). Children are Python processes (``sys.executable``) running the
worktree's ``nodenet_uv`` (PYTHONPATH), or ``sh``.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nodenet_uv
from nodenet_uv import child_process as cp
from nodenet_uv import errors, net, run
from nodenet_uv.abort_controller import AbortController
from nodenet_uv.testing import common

ROOT = str(Path(nodenet_uv.__file__).resolve().parents[1])
ENV = {**os.environ, "PYTHONPATH": ROOT}


def script(tmp_path: Path, source: str, name: str = "child.py") -> str:
    path = tmp_path / name
    path.write_text(textwrap.dedent(source))
    return str(path)


# -- spawn -----------------------------------------------------------------------------
def test_spawn_events_in_node_order() -> None:
    # node: spawn, stdout, stderr, exit 3 null, close 3 null ('close' after all stdio)
    events: list[Any] = []
    c = cp.spawn("sh", ["-c", "echo hi; echo err >&2; exit 3"])
    assert isinstance(c.pid, int) and c.pid > 0
    assert c.spawnfile == "sh"
    assert c.spawnargs == ["sh", "-c", "echo hi; echo err >&2; exit 3"]
    assert c.stdio == [c.stdin, c.stdout, c.stderr]
    assert isinstance(c.stdout, net.Socket)
    c.on("spawn", lambda: events.append("spawn"))
    c.stdout.on("data", lambda d: events.append(("stdout", d)))
    c.stderr.on("data", lambda d: events.append(("stderr", d)))
    c.on("exit", lambda code, sig: events.append(("exit", code, sig, c.exitCode)))
    c.on("close", lambda code, sig: events.append(("close", code, sig)))
    run()
    assert events[0] == "spawn"
    assert ("stdout", b"hi\n") in events and ("stderr", b"err\n") in events
    assert events[-1] == ("close", 3, None)
    assert ("exit", 3, None, 3) in events
    assert events.index(("exit", 3, None, 3)) < len(events) - 1


def test_spawn_enoent_is_an_error_event_on_next_tick() -> None:
    c = cp.spawn("nonexistent-command-xyz", ["a", "b"])
    assert c.pid is None
    order: list[str] = []

    def on_error(err: Any) -> None:
        order.append("error")
        assert isinstance(err, FileNotFoundError)
        common.check_error(
            err,
            {
                "message": "spawn nonexistent-command-xyz ENOENT",
                "errno": -2,
                "code": "ENOENT",
                "syscall": "spawn nonexistent-command-xyz",
                "path": "nonexistent-command-xyz",
                "spawnargs": ["a", "b"],
            },
        )

    c.on("error", common.mustCall(on_error))
    c.on("spawn", common.mustNotCall())
    c.on("exit", common.mustNotCall())
    # node: close -2 null, after the stdio sockets closed
    c.on("close", common.mustCall(lambda code, sig: order.append(f"close {code} {sig}")))
    order.append("sync")
    run()
    assert order == ["sync", "error", "close -2 None"]


def test_spawn_eacces() -> None:
    c = cp.spawn("/etc/passwd")
    c.on("error", common.expectsError({"code": "EACCES", "syscall": "spawn /etc/passwd"}))
    run()


@pytest.mark.parametrize(
    ("call", "validation"),
    [
        (lambda: cp.spawn(123), {"code": "ERR_INVALID_ARG_TYPE"}),  # type: ignore[arg-type]
        (
            lambda: cp.spawn(""),
            {
                "code": "ERR_INVALID_ARG_VALUE",
                "message": "The argument 'file' cannot be empty. Received ''",
            },
        ),
        (lambda: cp.spawn("sh", "x"), {"code": "ERR_INVALID_ARG_TYPE"}),
        (lambda: cp.spawn("sh", [], {"stdio": "bogus"}), {"code": "ERR_INVALID_ARG_VALUE"}),
        (
            lambda: cp.spawn("sh", [], {"stdio": ["ipc", "ipc"]}),
            {"code": "ERR_IPC_ONE_PIPE", "message": "Child process can have only one IPC pipe"},
        ),
        (lambda: cp.spawn("sh", [], {"uid": 1.5}), {"code": "ERR_INVALID_ARG_TYPE"}),
        (lambda: cp.spawn("sh", [], {"detached": 1}), {"code": "ERR_INVALID_ARG_TYPE"}),
        (lambda: cp.spawn("sh", [], {"timeout": -1}), {"code": "ERR_OUT_OF_RANGE"}),
        (lambda: cp.spawn("sh", [], {"killSignal": "SIGNOPE"}), {"code": "ERR_UNKNOWN_SIGNAL"}),
        (lambda: cp.spawn("sh", ["a\0"]), {"code": "ERR_INVALID_ARG_VALUE"}),
        (
            lambda: cp.spawn("sh", [], {"serialization": "nope"}),
            {"code": "ERR_INVALID_ARG_VALUE"},
        ),
        (
            lambda: cp.fork("x.py", [], {"stdio": ["pipe", "pipe", "pipe"]}),
            {
                "code": "ERR_CHILD_PROCESS_IPC_REQUIRED",
                "message": "Forked processes must have an IPC channel, missing value 'ipc' in "
                "options.stdio",
            },
        ),
    ],
)
def test_argument_validation_throws(call: Any, validation: dict[str, Any]) -> None:
    with pytest.raises(Exception) as info:
        call()
    common.check_error(info.value, validation)


def test_advanced_serialization_is_v8s_format() -> None:
    # node: v8.serialize(value) for each; ipc_serdes writes the same bytes (a Buffer's
    # host object has one more 0 byte, checked against node's fork below).
    values = [
        "1073741824",
        "2147483647",
        "-2147483648",
        "-1073741825",
        "-0",
        "1.5",
        "1",
        "'a\\u00e9'",
        "'a\\u4e2d'",
        "'x\\ud83d\\ude00'",
        "true",
        "false",
        "null",
        "[1, [2, {}]]",
        "{b: 1, '1': 2, '4294967295': 3}",
        "{a: {b: []}}",
    ]
    src = (
        "const v8 = require('v8'); console.log(JSON.stringify(["
        + ",".join(f"v8.serialize({v}).toString('hex')" for v in values)
        + "]))"
    )
    expected = json.loads(
        subprocess.run(
            [os.environ["NODENET_UV_NODE"], "-e", src], capture_output=True, text=True, check=True
        ).stdout
    )
    py_values = [
        1073741824,
        2147483647,
        -2147483648,
        -1073741825,
        -0.0,
        1.5,
        1.0,
        "aé",
        "a中",
        "x\U0001f600",
        True,
        False,
        None,
        [1, [2, {}]],
        {"b": 1, "1": 2, "4294967295": 3},
        {"a": {"b": []}},
    ]
    for value, hexed in zip(py_values, expected, strict=True):
        ser = cp._V8Serializer()
        ser.value(value)
        assert bytes(ser.buf).hex() == hexed, value
        de = cp._V8Deserializer(bytes.fromhex(hexed))
        de.header()
        assert de.value() == value


def test_fork_advanced_serialization_round_trip(tmp_path: Path) -> None:
    values: list[Any] = [
        1,
        -1,
        2**31,
        1.5,
        "é",
        "中文😀",
        True,
        None,
        [1, [2, {}]],
        {"a": {"1": "x", "b": b"\x00\xff"}},
        b"buf",
    ]
    child = cp.fork(script(tmp_path, ECHO_CHILD), env=ENV, serialization="advanced")
    got: list[Any] = []

    def on_message(m: Any) -> None:
        got.append(m["echo"])
        if len(got) == len(values):
            child.send("bye")

    child.on("message", on_message)
    for v in values:
        child.send(v)
    child.on("exit", common.mustCall(lambda code, sig: assert_eq(code, 0)))
    run()
    assert got == values


def test_kill_sets_signal_code() -> None:
    c = cp.spawn("sleep", ["10"])

    def on_exit(code: Any, sig: Any) -> None:
        assert code is None
        assert sig == "SIGTERM"
        assert c.signalCode == "SIGTERM"
        assert c.exitCode is None

    c.on("exit", common.mustCall(on_exit))
    c.on("close", common.mustCall(lambda code, sig: None))
    assert c.kill() is True
    assert c.killed is True
    with pytest.raises(errors.ERR_UNKNOWN_SIGNAL) as info:
        c.kill("SIGNOPE")
    assert str(info.value) == "Unknown signal: SIGNOPE"
    run()
    assert c.kill() is False  # already reaped: no handle


def test_kill_with_number_and_lowercase_name() -> None:
    c = cp.spawn("sleep", ["10"])
    c.on("exit", common.mustCall(lambda code, sig: assert_eq(sig, "SIGKILL")))
    assert c.kill(signal.SIGKILL) is True
    run()
    c2 = cp.spawn("sleep", ["10"])
    c2.on("exit", common.mustCall(lambda code, sig: assert_eq(sig, "SIGINT")))
    assert c2.kill("sigint") is True
    run()


def assert_eq(a: Any, b: Any) -> None:
    assert a == b


def test_stdin_to_stdout() -> None:
    c = cp.spawn("cat")
    out: list[bytes] = []
    c.stdout.on("data", out.append)
    c.on("close", common.mustCall(lambda code, sig: assert_eq(code, 0)))
    c.stdin.write("hello ")
    c.stdin.end(b"world")
    run()
    assert b"".join(out) == b"hello world"


def test_cwd_env_argv0_shell() -> None:
    got: dict[str, bytes] = {}

    def collect(name: str, c: Any) -> None:
        chunks: list[bytes] = []
        c.stdout.on("data", chunks.append)
        c.on("close", lambda *a: got.__setitem__(name, b"".join(chunks)))

    collect("cwd", cp.spawn("pwd", {"cwd": "/tmp"}))
    collect("env", cp.spawn("sh", ["-c", "echo $FOO"], env={"FOO": "bar", "PATH": "/bin"}))
    collect("argv0", cp.spawn("sh", ["-c", "echo $0"], {"argv0": "myname"}))
    collect("shell", cp.spawn("echo $((2+3))", shell=True))
    run()
    assert got == {"cwd": b"/tmp\n", "env": b"bar\n", "argv0": b"myname\n", "shell": b"5\n"}


def test_empty_env_gives_the_child_no_parent_variables() -> None:
    os.environ["NODENET_UV_TEST_MARK"] = "1"
    try:
        c = cp.spawn("/usr/bin/env", env={})
        chunks: list[bytes] = []
        c.stdout.on("data", chunks.append)
        run()
    finally:
        del os.environ["NODENET_UV_TEST_MARK"]
    assert b"NODENET_UV_TEST_MARK" not in b"".join(chunks)


def test_stdio_ignore_and_inherit() -> None:
    c = cp.spawn("sh", ["-c", "exit 0"], {"stdio": "ignore"})
    assert c.stdin is None and c.stdout is None and c.stderr is None
    assert c.stdio == [None, None, None]
    c.on("close", common.mustCall())
    c2 = cp.spawn("true", stdio=["inherit", "pipe", "ignore"])
    assert c2.stdin is None and c2.stdout is not None and c2.stderr is None
    c2.on("close", common.mustCall())
    run()


def test_stdio_wrap_of_a_socket(tmp_path: Path) -> None:
    # A net.Socket given as stdio: the child writes straight into it (UV_INHERIT_STREAM).
    received: list[bytes] = []

    def on_conn(sock: net.Socket) -> None:
        sock.on("data", received.append)
        sock.on("end", lambda: (sock.end(), server.close()))

    server = net.createServer(on_conn)

    def go() -> None:
        client = net.connect(server.address()["port"], "127.0.0.1")

        def spawn_child() -> None:
            c = cp.spawn("sh", ["-c", "echo through-socket"], stdio=["ignore", client, "ignore"])
            c.on("close", lambda *a: client.end())

        client.on("connect", spawn_child)

    server.listen(0, "127.0.0.1", go)
    run()
    assert b"".join(received) == b"through-socket\n"


def test_timeout_kills_with_kill_signal() -> None:
    c = cp.spawn("sleep", ["10"], {"timeout": 50, "killSignal": "SIGKILL"})
    c.on("exit", common.mustCall(lambda code, sig: assert_eq((code, sig), (None, "SIGKILL"))))
    run()


def test_abort_signal() -> None:
    ac = AbortController()
    c = cp.spawn("sleep", ["10"], {"signal": ac.signal})
    c.on("error", common.expectsError({"name": "AbortError", "code": "ABORT_ERR"}))
    c.on("exit", common.mustCall(lambda code, sig: assert_eq(sig, "SIGTERM")))
    ac.abort()
    run()


def test_unref_lets_the_loop_end() -> None:
    c = cp.spawn("sleep", ["1"], {"stdio": "ignore"})
    c.unref()
    run()  # returns at once: the child is not waited for
    assert c.exitCode is None
    c.kill("SIGKILL")
    c.ref()
    run()
    assert c.signalCode == "SIGKILL"


# -- exec / execFile -------------------------------------------------------------------
def test_exec_file_success_and_failure() -> None:
    def ok(err: Any, stdout: Any, stderr: Any) -> None:
        assert err is None
        assert stdout == "out\n"
        assert stderr == ""

    def failed(err: Any, stdout: Any, stderr: Any) -> None:
        # node: 'Command failed: sh -c echo out; echo bad >&2; exit 2\nbad\n', code 2
        assert str(err) == "Command failed: sh -c echo out; echo bad >&2; exit 2\nbad\n"
        assert err.code == 2
        assert err.killed is False
        assert err.signal is None
        assert err.cmd == "sh -c echo out; echo bad >&2; exit 2"
        assert stdout == "out\n"
        assert stderr == "bad\n"

    cp.execFile("sh", ["-c", "echo out"], common.mustCall(ok))
    cp.execFile("sh", ["-c", "echo out; echo bad >&2; exit 2"], common.mustCall(failed))
    run()


def test_exec_buffer_encoding_and_enoent() -> None:
    def buf(err: Any, stdout: Any, stderr: Any) -> None:
        assert err is None
        assert stdout == b"3\n"
        assert stderr == b""

    def enoent(err: Any, stdout: Any, stderr: Any) -> None:
        common.check_error(
            err,
            {"code": "ENOENT", "message": "spawn nonexistent-xyz ENOENT", "cmd": "nonexistent-xyz"},
        )

    cp.exec("echo $((1+2))", {"encoding": "buffer"}, common.mustCall(buf))
    cp.execFile("nonexistent-xyz", common.mustCall(enoent))
    run()


def test_exec_max_buffer() -> None:
    def cb(err: Any, stdout: Any, stderr: Any) -> None:
        common.check_error(
            err,
            {
                "code": "ERR_CHILD_PROCESS_STDIO_MAXBUFFER",
                "message": "stdout maxBuffer length exceeded",
                "cmd": "yes",
            },
        )
        assert isinstance(err, ValueError)  # a JS RangeError
        assert stdout == "y\ny"

    cp.exec("yes", {"maxBuffer": 3}, common.mustCall(cb))
    run()


def test_exec_timeout_kills() -> None:
    def cb(err: Any, stdout: Any, stderr: Any) -> None:
        assert err.killed is True
        assert err.signal == "SIGTERM"
        assert err.code is None
        assert str(err) == "Command failed: sleep 10\n"

    cp.exec("sleep 10", {"timeout": 50}, common.mustCall(cb))
    run()


# -- the *Sync forms -------------------------------------------------------------------
def test_sync_forms() -> None:
    r = cp.spawnSync("sh", ["-c", "echo a; echo b >&2; exit 4"])
    assert r["status"] == 4 and r["signal"] is None
    assert r["stdout"] == b"a\n" and r["stderr"] == b"b\n"
    assert r["output"] == [None, b"a\n", b"b\n"]
    assert cp.execSync("echo $((6*7))") == b"42\n"
    assert cp.execFileSync("echo", ["x"], {"encoding": "utf8"}) == "x\n"
    with pytest.raises(Exception) as info:
        cp.execSync("exit 3", stdio="pipe")
    assert str(info.value) == "Command failed: exit 3"
    assert info.value.status == 3  # type: ignore[attr-defined]
    r = cp.spawnSync("nonexistent-xyz")
    common.check_error(r["error"], {"code": "ENOENT", "syscall": "spawnSync nonexistent-xyz"})
    assert cp.spawnSync("cat", input="piped")["stdout"] == b"piped"


# -- fork and the IPC channel ----------------------------------------------------------
ECHO_CHILD = """
    import nodenet_uv.child_process
    from nodenet_uv import process, run

    def on_message(m, handle=None):
        if m == "bye":
            process.disconnect()
            return
        process.send({"echo": m})

    process.on("message", on_message)
    run()
"""


def test_fork_round_trip_of_every_json_type(tmp_path: Path) -> None:
    values: list[Any] = [
        0,
        -1,
        2**53,
        1.5,
        1e21,
        1e-7,
        "",
        "text",
        "é€\U0001f600",
        "new\nline",
        True,
        False,
        None,
        [],
        [1, "a", None, [2]],
        {},
        {"a": {"b": [1, 2, {"c": None}]}, "k": "v"},
    ]
    child = cp.fork(script(tmp_path, ECHO_CHILD), env=ENV)
    assert child.connected is True
    got: list[Any] = []
    order: list[str] = []

    def on_message(m: Any) -> None:
        got.append(m["echo"])
        if len(got) == len(values):
            child.send("bye")

    child.on("message", on_message)
    child.on("disconnect", lambda: order.append("disconnect"))
    child.on("exit", lambda code, sig: order.append(f"exit {code} {sig}"))
    child.on("close", lambda code, sig: order.append(f"close {code} {sig}"))
    for v in values:
        assert child.send(v) is True
    run()
    assert got == values
    assert order == ["disconnect", "exit 0 None", "close 0 None"]
    assert child.connected is False


def test_send_callback_and_errors_after_disconnect(tmp_path: Path) -> None:
    child = cp.fork(script(tmp_path, ECHO_CHILD), env=ENV)
    child.send("x", common.mustCall(lambda err: assert_eq(err, None)))

    def on_echo(m: Any) -> None:
        child.disconnect()
        assert child.connected is False
        # send after disconnect: ERR_IPC_CHANNEL_CLOSED to the callback, or 'error'
        child.send(
            "y",
            common.expectsError({"code": "ERR_IPC_CHANNEL_CLOSED", "message": "Channel closed"}),
        )
        child.once(
            "error",
            common.expectsError(
                {"code": "ERR_IPC_DISCONNECTED", "message": "IPC channel is already disconnected"}
            ),
        )
        child.disconnect()

    child.once("message", common.mustCall(on_echo))
    child.on("disconnect", common.mustCall())
    run()


def test_invalid_handle_and_message_types(tmp_path: Path) -> None:
    child = cp.fork(script(tmp_path, ECHO_CHILD), env=ENV)
    with pytest.raises(errors.ERR_INVALID_HANDLE_TYPE) as info:
        child.send("m", object())
    assert str(info.value) == "This handle type cannot be sent"
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        child.send(lambda: None)
    child.disconnect()
    run()


def test_wire_format_is_one_json_line_per_message(tmp_path: Path) -> None:
    # The child reads the raw channel (fd 3) and reports the bytes on stdout.
    raw = script(
        tmp_path,
        """
        import os, sys
        fd = int(os.environ["NODE_CHANNEL_FD"])
        assert os.environ["NODE_CHANNEL_SERIALIZATION_MODE"] == "json"
        data = b""
        while data.count(b"\\n") < 3:
            data += os.read(fd, 65536)
        sys.stdout.buffer.write(data)
        os.write(fd, b'{"cmd":"NODE_X"}\\n"hi"\\n[1,')
        os.write(fd, b'2]\\n')
        """,
    )
    child = cp.fork(raw, env=ENV, silent=True)
    out: list[bytes] = []
    child.stdout.on("data", out.append)
    got: list[Any] = []
    child.on("message", got.append)
    # NODE_-prefixed: an 'internalMessage', never a 'message'
    child.on("internalMessage", common.mustCall(lambda m: assert_eq(m, {"cmd": "NODE_X"})))
    child.send({"a": [1, 2.5, None, True]})
    child.send("é\n")
    child.send(1e-7)
    run()
    assert b"".join(out) == b'{"a":[1,2.5,null,true]}\n"\xc3\xa9\\n"\n1e-7\n'
    assert got == ["hi", [1, 2]]


def test_json_keys_in_js_object_order() -> None:
    # node: JSON.stringify({b: 1, '1': 2, '10': 3, '2': 4, '01': 5, '4294967295': 6})
    assert (
        cp._stringify({"b": 1, "1": 2, "10": 3, "2": 4, "01": 5, "4294967295": 6})
        == '{"1":2,"2":4,"10":3,"b":1,"01":5,"4294967295":6}'
    )


_JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.text(max_size=4) | st.sampled_from(["0", "1", "01", "10"]), inner, max_size=4
        )
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(max_size=6), _JSONISH, max_size=5))
def test_json_fast_path_writes_what_the_reference_path_writes(value: dict[str, Any]) -> None:
    # The dict-of-plain-values fast path (json's C encoder) against the JSON.stringify port it
    # short-cuts (lone surrogates, integer-like keys, floats: those take the port).
    fast = cp._stringify(value)
    saved = cp._is_plain
    cp._is_plain = lambda v: False
    try:
        assert fast == cp._stringify(value)
    finally:
        cp._is_plain = saved


def test_json_of_an_error_is_its_own_enumerable_properties() -> None:
    # node: JSON.stringify(new ExceptionWithHostPort(UV_EADDRINUSE, 'bind', '/tmp/s', -1))
    # (what process.send(err) puts on the wire in test-cluster-eaccess); message and stack
    # are not enumerable; a plain Error has no own enumerable property.
    err = errors.ExceptionWithHostPort(-98, "bind", "/tmp/s", -1)
    assert (
        cp._stringify(err)
        == '{"errno":-98,"code":"EADDRINUSE","syscall":"bind","address":"/tmp/s","port":-1}'
    )
    assert cp._stringify(errors.JsError("x")) == "{}"


def test_child_side_channel_refs_only_with_message_listeners(tmp_path: Path) -> None:
    # Node: the child's channel is unref'ed; a 'message' listener refs it, removing the
    # listener unrefs it again, so this child ends by itself while still connected.
    child_src = """
        import nodenet_uv.child_process
        from nodenet_uv import process, run
        def on_message(m):
            process.send(["got", m, process.connected, process.channel.fd > 2])
            process.off("message", on_message)
        process.on("message", on_message)
        run()
        print("loop ended", flush=True)
    """
    child = cp.fork(script(tmp_path, child_src), env=ENV, silent=True)
    out: list[bytes] = []
    child.stdout.on("data", out.append)
    child.on("message", common.mustCall(lambda m: assert_eq(m, ["got", 1, True, True])))
    child.on("exit", common.mustCall(lambda code, sig: assert_eq(code, 0)))
    child.send(1)
    run()
    assert b"".join(out) == b"loop ended\n"


def test_pass_server_and_socket_handles(tmp_path: Path) -> None:
    child_src = """
        import nodenet_uv.child_process
        from nodenet_uv import process, run, net
        servers = []
        def on_message(m, handle=None):
            if m == "server":
                assert isinstance(handle, net.Server)
                handle.on("connection", lambda s: s.end("child-server"))
                servers.append(handle)
                process.send("got server")
            elif m == "socket":
                assert isinstance(handle, net.Socket)
                handle.end("child-socket")
                process.send("got socket")
            elif m == "bye":
                servers[0].close()
                process.disconnect()
        process.on("message", on_message)
        run()
    """
    child = cp.fork(script(tmp_path, child_src), env=ENV)
    reads: list[str] = []
    server = net.createServer(lambda s: child.send("socket", s))
    srv2 = net.createServer(lambda s: child.send("socket", s))

    def read(port: int, then: Any) -> None:
        s = net.connect(port, "127.0.0.1")
        s.setEncoding("utf8")
        s.on("data", reads.append)
        s.on("end", then)

    def on_message(m: Any) -> None:
        if m == "got server":
            port = server.address()["port"]
            server.close()  # only the child accepts now
            srv2.listen(
                0, "127.0.0.1", lambda: read(port, lambda: read(srv2.address()["port"], srv2.close))
            )
        elif m == "got socket":
            child.send("bye")

    child.on("message", on_message)
    child.on("exit", common.mustCall(lambda code, sig: assert_eq(code, 0)))
    server.listen(0, "127.0.0.1", lambda: child.send("server", server))
    run()
    assert reads == ["child-server", "child-socket"]


def test_queued_sends_keep_order_while_a_handle_is_in_flight(tmp_path: Path) -> None:
    child_src = """
        import nodenet_uv.child_process
        from nodenet_uv import process, run
        seen = []
        def on_message(m, handle=None):
            if handle is not None:
                handle.close()
            seen.append(m)
            if m == "last":
                process.send(seen)
                process.disconnect()
        process.on("message", on_message)
        run()
    """
    child = cp.fork(script(tmp_path, child_src), env=ENV)
    server = net.createServer()

    def go() -> None:
        child.send("h1", server)
        assert child._handleQueue == []
        assert child.send("q1") is True  # queued behind the handle: first in queue
        assert child.send("q2") is False
        child.send("h2", server._handle, {"keepOpen": True})
        child.send("last")
        assert len(child._handleQueue) == 4

    def on_message(m: Any) -> None:
        assert m == ["h1", "q1", "q2", "h2", "last"]
        server.close()

    child.on("message", common.mustCall(on_message))
    server.listen(0, "127.0.0.1", go)
    run()


def test_raw_binding_handle_is_received_as_a_binding_handle(tmp_path: Path) -> None:
    child_src = """
        import nodenet_uv.child_process
        from nodenet_uv import process, run
        from nodenet_uv._binding.tcp_wrap import TCP
        def on_message(m, handle=None):
            process.send([m, type(handle).__name__, isinstance(handle, TCP)])
            handle.close()
            process.disconnect()
        process.on("message", on_message)
        run()
    """
    child = cp.fork(script(tmp_path, child_src), env=ENV)
    server = net.createServer()
    child.on(
        "message",
        common.mustCall(lambda m: (assert_eq(m, ["native", "TCP", True]), server.close())),
    )
    server.listen(0, "127.0.0.1", lambda: child.send("native", server._handle))
    run()


def test_node_parent_python_child_process_send_is_json(tmp_path: Path) -> None:
    # The child side against node's fork (Node is the parent here).
    child = script(
        tmp_path,
        """
        import nodenet_uv.child_process
        from nodenet_uv import process, run
        process.on("message", lambda m: (process.send({"got": m}), process.disconnect()))
        run()
        """,
    )
    parent = script(
        tmp_path,
        """
        const cp = require('child_process');
        const c = cp.fork(process.argv[2], [], {execPath: process.argv[3]});
        const ev = [];
        c.on('message', (m) => ev.push(['message', m]));
        c.on('disconnect', () => ev.push('disconnect'));
        c.on('exit', (code, sig) => ev.push(['exit', code, sig]));
        c.on('close', (code, sig) => { ev.push(['close', code, sig]); console.log(JSON.stringify(ev)); });
        c.send({x: [1, 'two', null]});
        """,
        "parent.js",
    )
    out = subprocess.run(
        [os.environ["NODENET_UV_NODE"], parent, child, sys.executable],
        env=ENV,
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    ).stdout
    assert json.loads(out) == [
        ["message", {"got": {"x": [1, "two", None]}}],
        "disconnect",
        ["exit", 0, None],
        ["close", 0, None],
    ]


def test_pass_unix_socket_server(tmp_path: Path) -> None:
    # A pipe server handle (an abstract name: closing the sender's copy of a named one
    # would unlink the file, in Node too) keeps accepting in the child.
    child_src = """
        import nodenet_uv.child_process
        from nodenet_uv import process, run
        def on_message(m, server):
            def on_connection(s):
                s.end("child-over-unix")
                server.close()
                process.disconnect()
            server.on("connection", on_connection)
            process.send("ok")
        process.on("message", on_message)
        run()
    """
    child = cp.fork(script(tmp_path, child_src), env=ENV)
    name = f"\0nodenet-uv-cp-{os.getpid()}"
    server = net.createServer()
    reads: list[str] = []

    def on_message(m: Any) -> None:
        server.close()
        s = net.connect(name)
        s.setEncoding("utf8")
        s.on("data", reads.append)

    child.on("message", common.mustCall(on_message))
    child.on("exit", common.mustCall(lambda code, sig: assert_eq(code, 0)))
    server.listen(name, lambda: child.send("server", server))
    run()
    assert reads == ["child-over-unix"]


def test_snake_case_names_and_keyword_options() -> None:
    assert cp.spawn_sync is cp.spawnSync
    assert cp.exec_file is cp.execFile
    assert cp.exec_file_sync is cp.execFileSync
    assert cp.exec_sync is cp.execSync
    got: list[Any] = []
    cp.exec("echo hello world", lambda err, out, e: got.append(("exec", str(err))), max_buffer=5)
    cp.execFile(
        "sh", ["-c", "echo $X"], lambda err, out, e: got.append(("execFile", out)), env={"X": "y"}
    )
    cp.execFile("true", lambda err, out, e: got.append(("no-args", out)), stdio="pipe", timeout=0)
    c = cp.spawn("sh", ["-c", "sleep 5"], stdio="ignore", kill_signal="SIGKILL", timeout=10)
    c.on("exit", lambda code, sig: got.append(("spawn", sig, c.signal_code, c.exit_code)))
    run()
    assert sorted(got, key=str) == sorted(
        [
            ("exec", "stdout maxBuffer length exceeded"),
            ("execFile", "y\n"),
            ("no-args", ""),
            ("spawn", "SIGKILL", "SIGKILL", None),
        ],
        key=str,
    )
