"""Interop with real node over Unix domain sockets: a nodenet_uv pipe server with a node
client and a node pipe server with a nodenet_uv client, in the same temp dir. 64 MiB each
way with sha256 checked, half-close both ways, 1000 short connections with no fd leak,
and the names libuv 1.13 would get wrong (abstract, over-long) meeting node's."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from nodenet_uv import net, run
from nodenet_uv._binding.pipe_wrap import Pipe
from tests.interop import pypeer

PEER = str(Path(__file__).with_name("peer.js"))
SIZE = 64 * 1024 * 1024
SHORT_N = 1000


def _fds() -> int:
    # libuv opens /dev/null once per loop with its first stream (its EMFILE reserve):
    # have that happen before counting.
    Pipe().close()
    run()
    return len(os.listdir("/proc/self/fd"))


@pytest.fixture
def sock_dir() -> Iterator[str]:
    with tempfile.TemporaryDirectory(prefix="nodenet-uv-pipe-") as d:
        yield d


def _node(*args: str, size: int = SIZE, short_n: int = SHORT_N) -> subprocess.Popen[str]:
    env = {**os.environ, "INTEROP_SIZE": str(size), "INTEROP_SHORT_N": str(short_n)}
    return subprocess.Popen(
        ["node", PEER, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )


def _result(proc: subprocess.Popen[str]) -> dict[str, Any]:
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    return dict(json.loads(out.strip().splitlines()[-1]))


def python_server_node_client(mode: str, path: str) -> tuple[dict[str, Any], dict[str, Any]]:
    ours: dict[str, Any] = {"role": "server"}
    server: net.Server

    def on_connection(sock: net.Socket) -> None:
        pypeer.handle(sock, False, mode, SIZE, ours, lambda: server.close())

    server = net.createServer({"allowHalfOpen": True}, on_connection)
    procs: list[subprocess.Popen[str]] = []

    def on_listening() -> None:
        assert server.address() == path
        procs.append(_node("client", mode, path))

    server.listen(path, on_listening)
    run()
    assert not os.path.exists(path), "server.close() leaves no socket file"
    return ours, _result(procs[0])


def node_server_python_client(mode: str, path: str) -> tuple[dict[str, Any], dict[str, Any]]:
    proc = _node("server", mode, path)
    assert proc.stdout is not None
    assert json.loads(proc.stdout.readline()) == {"path": path}
    ours: dict[str, Any] = {"role": "client"}
    sock = net.connect({"path": path, "allowHalfOpen": True})
    pypeer.handle(sock, True, mode, SIZE, ours, lambda: None)
    run()
    theirs = _result(proc)
    assert not os.path.exists(path), "node's server.close() leaves no socket file"
    return ours, theirs


def _check_bulk(a: dict[str, Any], b: dict[str, Any]) -> None:
    assert a["len"] == b["sent_len"] == SIZE
    assert b["len"] == a["sent_len"] == SIZE
    assert a["sha"] == b["sent_sha"]
    assert b["sha"] == a["sent_sha"]
    assert a["hadError"] is False and b["hadError"] is False
    assert "error" not in a and "error" not in b
    # Half-close: the side that sent first saw 'finish' before the peer's 'end'.
    assert sorted(a["events"]) == sorted(b["events"]) == ["close", "end", "finish"]


@pytest.mark.timeout(120)
@pytest.mark.parametrize("mode", ["bulk-clientfirst", "bulk-serverfirst"])
def test_python_pipe_server_node_client_bulk_half_close(mode: str, sock_dir: str) -> None:
    ours, theirs = python_server_node_client(mode, os.path.join(sock_dir, "py.sock"))
    _check_bulk(ours, theirs)


@pytest.mark.timeout(120)
@pytest.mark.parametrize("mode", ["bulk-clientfirst", "bulk-serverfirst"])
def test_node_pipe_server_python_client_bulk_half_close(mode: str, sock_dir: str) -> None:
    ours, theirs = node_server_python_client(mode, os.path.join(sock_dir, "node.sock"))
    _check_bulk(ours, theirs)


@pytest.mark.timeout(120)
def test_python_pipe_server_1000_short_node_connections(sock_dir: str) -> None:
    path = os.path.join(sock_dir, "py-short.sock")
    ours: dict[str, Any] = {"role": "server"}
    server: net.Server
    procs: list[subprocess.Popen[str]] = []
    before = _fds()

    def on_connection(sock: net.Socket) -> None:
        pypeer.short_server(sock, SHORT_N, ours, lambda: server.close())

    server = net.createServer(on_connection)
    server.listen(path, lambda: procs.append(_node("client", "short", path, size=1)))
    run()
    theirs = _result(procs[0])
    assert ours == {"role": "server", "connections": SHORT_N}
    assert theirs == {"role": "client", "ok": SHORT_N}
    # The node child's pipes are the Popen's; count without them.
    assert _fds() == before


@pytest.mark.timeout(120)
def test_node_pipe_server_1000_short_python_connections(sock_dir: str) -> None:
    path = os.path.join(sock_dir, "node-short.sock")
    proc = _node("server", "short", path, size=1)
    assert proc.stdout is not None
    assert json.loads(proc.stdout.readline()) == {"path": path}
    before = _fds()
    ours: dict[str, Any] = {"role": "client"}
    pypeer.short_client({"path": path}, SHORT_N, ours, lambda: None)
    run()
    assert _fds() == before
    assert ours == {"role": "client", "ok": SHORT_N}
    assert _result(proc) == {"role": "server", "connections": SHORT_N}


def _odd_name(kind: str, sock_dir: str) -> tuple[str, str]:
    """(our name, peer.js argument) for an abstract or an over-long socket name."""
    if kind == "abstract":
        name = f"nodenet-uv-{os.getpid()}-{os.path.basename(sock_dir)}"
        return f"\0{name}", f"@{name}"
    path = os.path.join(sock_dir, "x" * (200 - len(sock_dir)))
    return path, path


@pytest.mark.timeout(60)
def test_abstract_name_python_server_node_client(sock_dir: str) -> None:
    # Node 24 (libuv 1.52) binds and connects an abstract name with its exact length.
    path, arg = _odd_name("abstract", sock_dir)
    ours: dict[str, Any] = {"role": "server"}
    server: net.Server
    procs: list[subprocess.Popen[str]] = []

    def on_connection(sock: net.Socket) -> None:
        pypeer.short_server(sock, 5, ours, lambda: server.close())

    def on_listening() -> None:
        assert server.address() == path
        procs.append(_node("client", "short", arg, size=1, short_n=5))

    server = net.createServer(on_connection)
    server.listen(path, on_listening)
    run()
    assert ours == {"role": "server", "connections": 5}
    assert _result(procs[0]) == {"role": "client", "ok": 5}


@pytest.mark.timeout(60)
def test_abstract_name_node_server_python_client(sock_dir: str) -> None:
    path, arg = _odd_name("abstract", sock_dir)
    proc = _node("server", "short", arg, size=1, short_n=5)
    assert proc.stdout is not None
    assert json.loads(proc.stdout.readline()) == {"path": path}
    ours: dict[str, Any] = {"role": "client"}
    pypeer.short_client({"path": path}, 5, ours, lambda: None)
    run()
    assert ours == {"role": "client", "ok": 5}
    assert _result(proc) == {"role": "server", "connections": 5}


def test_long_name_is_einval_on_both_sides(sock_dir: str) -> None:
    # Node 24 binds and connects with UV_PIPE_NO_TRUNCATE: a name longer than sun_path
    # is refused (EINVAL), never cut to 108 bytes.
    path, _ = _odd_name("long", sock_dir)
    errs: list[str] = []
    server = net.createServer()
    server.on("error", lambda e: errs.append(f"{e.code} {e.syscall}"))
    server.listen(path)
    client = net.connect(path)
    client.on("error", lambda e: errs.append(f"{e.code} {e.syscall}"))
    run()
    assert sorted(errs) == ["EINVAL connect", "EINVAL listen"]
    assert os.listdir(sock_dir) == []
