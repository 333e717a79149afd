"""Interop of child_process's IPC channel with real node (issue 15): a nodenet_uv parent
forking a node child, and a node parent forking a nodenet_uv child.

Both serializations ('json', and 'advanced': V8's format). Each way: 10,000 messages of
every JSON type (numbers, strings with non-ASCII and line separators, booleans, null,
arrays, objects), echoed back in order; a listening TCP
server sent to the child keeps accepting there after the parent closed its copy, and a
server the child made and sent back accepts in the parent; ``'disconnect'``, ``'exit'``
and ``'close'`` come in node's order.

A connected socket handed over mid-conversation loses no byte: a peer sends half a
stream and waits; the parent reads that half, pauses the socket and sends it to the child
(Python to node, node to Python, and each to itself), which says ``next`` and reads the
rest; the sha256 of both halves together is the peer's. (Without ``keepOpen`` the sender's
handle is detached at once, its reads dropped, and closed at the child's ACK: that is
why the peer waits, in node too.)
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import nodenet_uv
from nodenet_uv import child_process as cp
from nodenet_uv import net, run

HERE = Path(__file__).resolve().parent
ROOT = str(Path(nodenet_uv.__file__).resolve().parents[1])
ENV = {**os.environ, "PYTHONPATH": ROOT}
N = 10_000


def messages() -> list[Any]:
    out: list[Any] = []
    for i in range(N):
        kind = i % 10
        if kind == 0:
            out.append(i)
        elif kind == 1:
            out.append(i + 0.25)
        elif kind == 2:
            out.append(-i * 1e-9)
        elif kind == 3:
            out.append(f's{i} é€\U0001f600 \u2028\n"quoted" \\ {"x" * (i % 50)}')
        elif kind == 4:
            out.append(i % 20 == 4)
        elif kind == 5:
            out.append(None)
        elif kind == 6:
            out.append([i, str(i), None, [True, {"deep": [i]}]])
        elif kind == 7:
            out.append({"i": i, "nested": {"a": [False, 1.5e300], "s": "v"}, "e": {}})
        elif kind == 8:
            out.append([])
        else:
            out.append(2**53 - i)
    return out


def _connect_read(port: int, reads: list[str], then: Any) -> None:
    s = net.connect(port, "127.0.0.1")
    data: list[str] = []
    s.setEncoding("utf8")
    s.on("data", data.append)
    s.on("end", lambda: (reads.append("".join(data)), then()))


@pytest.mark.parametrize("serialization", ["json", "advanced"])
def test_python_parent_node_child(serialization: str) -> None:
    msgs = messages()
    child = cp.fork(
        str(HERE / "cp_child.js"),
        [],
        {"execPath": os.environ["NODENET_UV_NODE"], "serialization": serialization},
    )
    echoed: list[Any] = []
    reads: list[str] = []
    events: list[Any] = []
    state: dict[str, Any] = {"phase": "echo"}

    def on_message(m: Any, handle: Any = None) -> None:
        if state["phase"] == "echo":
            if m == "__done__":
                state["phase"] = "server"
                server = net.createServer(lambda s: s.end("parent-before-send"))
                state["server"] = server
                server.listen(0, "127.0.0.1", lambda: child.send("server", server))
            else:
                echoed.append(m)
        elif m == "got-server":
            server = state["server"]
            port = server.address()["port"]
            server.close()
            _connect_read(
                port, reads, lambda: _connect_read(port, reads, lambda: child.send("make-server"))
            )
        elif isinstance(m, dict) and m.get("port"):
            state["gotServer"] = isinstance(handle, net.Server)
            handle.on("connection", lambda s: s.end("parent"))

            def done() -> None:
                handle.close()
                child.send("bye")

            _connect_read(m["port"], reads, done)

    child.on("message", on_message)
    child.on("disconnect", lambda: events.append("disconnect"))
    child.on("exit", lambda code, sig: events.append(["exit", code, sig]))
    child.on("close", lambda code, sig: events.append(["close", code, sig]))
    for m in msgs:
        child.send(m)
    child.send("__done__")
    run()
    assert echoed == msgs
    assert reads == ["child", "child", "parent"]
    assert state["gotServer"] is True
    assert events == ["disconnect", ["exit", 0, None], ["close", 0, None]]


@pytest.mark.parametrize("serialization", ["json", "advanced"])
def test_node_parent_python_child(tmp_path: Path, serialization: str) -> None:
    msgs = messages()
    msg_path = tmp_path / "messages.json"
    msg_path.write_text(json.dumps(msgs))
    proc = subprocess.run(
        [
            os.environ["NODENET_UV_NODE"],
            str(HERE / "cp_parent.js"),
            str(HERE / "cp_child.py"),
            sys.executable,
            str(msg_path),
            serialization,
        ],
        env=ENV,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["echoed"] == msgs
    assert report["reads"] == ["child", "child", "parent"]
    assert report["gotServer"] is True
    assert report["events"] == ["disconnect", ["exit", 0, None], ["close", 0, None]]


def test_node_parent_node_child_agrees(tmp_path: Path) -> None:
    # The same script with node on both sides: the expectations above are node's.
    msg_path = tmp_path / "messages.json"
    msg_path.write_text(json.dumps(messages()))
    proc = subprocess.run(
        [
            os.environ["NODENET_UV_NODE"],
            str(HERE / "cp_parent.js"),
            str(HERE / "cp_child.js"),
            os.environ["NODENET_UV_NODE"],
            str(msg_path),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["echoed"] == messages()
    assert report["reads"] == ["child", "child", "parent"]
    assert report["events"] == ["disconnect", ["exit", 0, None], ["close", 0, None]]


CHILDREN = {"node": "cp_handover_child.js", "python": "cp_handover_child.py"}


def _exec_path(kind: str) -> str:
    return os.environ["NODENET_UV_NODE"] if kind == "node" else sys.executable


@pytest.mark.parametrize("child_kind", ["node", "python"])
def test_socket_handover_python_parent(child_kind: str) -> None:
    half = 1 << 20
    part1, part2 = os.urandom(half), os.urandom(half)
    child = cp.fork(
        str(HERE / CHILDREN[child_kind]), [], {"execPath": _exec_path(child_kind), "env": ENV}
    )
    mine = bytearray()
    state: dict[str, Any] = {"events": []}

    def on_connection(sock: Any) -> None:
        def on_data(d: bytes) -> None:
            mine.extend(d)
            if len(mine) == half:
                sock.pause()
                child.send("socket", sock)
                state["detached"] = sock._handle is None

        sock.on("data", on_data)

    server = net.createServer(on_connection)

    def on_message(m: Any, handle: Any = None) -> None:
        state["rest"] = base64.b64decode(m["rest"])
        server.close()

    def on_listening() -> None:
        peer = net.connect(server.address()["port"], "127.0.0.1")
        heard: list[str] = []
        peer.setEncoding("utf8")

        def on_peer_data(d: str) -> None:
            heard.append(d)
            if "".join(heard) == "next\n":
                peer.end(part2)

        peer.on("data", on_peer_data)
        peer.write(part1)

    child.on("message", on_message)
    child.on("exit", lambda code, sig: state["events"].append(["exit", code, sig]))
    server.listen(0, "127.0.0.1", on_listening)
    run()
    assert state["detached"] is True
    assert len(mine) == half and len(state["rest"]) == half
    got = hashlib.sha256(bytes(mine) + state["rest"]).hexdigest()
    assert got == hashlib.sha256(part1 + part2).hexdigest()
    assert state["events"] == [["exit", 0, None]]


@pytest.mark.parametrize("child_kind", ["python", "node"])
def test_socket_handover_node_parent(child_kind: str) -> None:
    proc = subprocess.run(
        [
            os.environ["NODENET_UV_NODE"],
            str(HERE / "cp_handover_parent.js"),
            str(HERE / CHILDREN[child_kind]),
            _exec_path(child_kind),
        ],
        env=ENV,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["detached"] is True
    assert report["mineLength"] == report["half"] == report["restLength"]
    assert report["got"] == report["sent"]
    assert report["events"] == [["exit", 0, None]]
