"""Interop with real node over TCP: nodenet_uv server + node client, node server +
nodenet_uv client. 64 MiB each way with sha256 checked, half-close both ways, RST both
ways."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from nodenet_uv import net, run
from tests.interop import pypeer

PEER = str(Path(__file__).with_name("peer.js"))
SIZE = 64 * 1024 * 1024
ENV = {**os.environ, "INTEROP_SIZE": str(SIZE)}


def _node(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        ["node", PEER, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV
    )


def python_server_node_client(mode: str) -> tuple[dict[str, Any], dict[str, Any]]:
    ours: dict[str, Any] = {"role": "server"}
    server: net.Server

    def on_connection(sock: net.Socket) -> None:
        pypeer.handle(sock, False, mode, SIZE, ours, lambda: server.close())

    server = net.createServer({"allowHalfOpen": True}, on_connection)
    procs: list[subprocess.Popen[str]] = []
    server.listen(
        0, "127.0.0.1", lambda: procs.append(_node("client", mode, str(server.address()["port"])))
    )
    run()
    out, err = procs[0].communicate(timeout=60)
    assert procs[0].returncode == 0, err
    return ours, json.loads(out.strip().splitlines()[-1])


def node_server_python_client(mode: str) -> tuple[dict[str, Any], dict[str, Any]]:
    proc = _node("server", mode)
    assert proc.stdout is not None
    port = json.loads(proc.stdout.readline())["port"]
    ours: dict[str, Any] = {"role": "client"}
    sock = net.connect({"port": port, "host": "127.0.0.1", "allowHalfOpen": True})
    pypeer.handle(sock, True, mode, SIZE, ours, lambda: None)
    run()
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    return ours, json.loads(out.strip().splitlines()[-1])


def _check_bulk(a: dict[str, Any], b: dict[str, Any]) -> None:
    assert a["len"] == b["sent_len"] == SIZE
    assert b["len"] == a["sent_len"] == SIZE
    assert a["sha"] == b["sent_sha"]
    assert b["sha"] == a["sent_sha"]
    assert a["hadError"] is False and b["hadError"] is False
    assert "error" not in a and "error" not in b


@pytest.mark.timeout(120)
@pytest.mark.parametrize("mode", ["bulk-clientfirst", "bulk-serverfirst"])
def test_python_server_node_client_bulk_half_close(mode: str) -> None:
    ours, theirs = python_server_node_client(mode)
    _check_bulk(ours, theirs)


@pytest.mark.timeout(120)
@pytest.mark.parametrize("mode", ["bulk-clientfirst", "bulk-serverfirst"])
def test_node_server_python_client_bulk_half_close(mode: str) -> None:
    ours, theirs = node_server_python_client(mode)
    _check_bulk(ours, theirs)


@pytest.mark.timeout(30)
def test_python_client_resets_node_server() -> None:
    ours, theirs = node_server_python_client("rst")
    assert ours == {"role": "client", "hadError": False}
    assert theirs["error"] == "ECONNRESET" and theirs["message"] == "read ECONNRESET"
    assert theirs["hadError"] is True


@pytest.mark.timeout(30)
def test_node_client_resets_python_server() -> None:
    ours, theirs = python_server_node_client("rst")
    assert theirs == {"role": "client", "hadError": False}
    assert ours["error"] == "ECONNRESET" and ours["message"] == "read ECONNRESET"
    assert ours["hadError"] is True


@pytest.mark.timeout(30)
def test_python_server_resets_node_client() -> None:
    ours, theirs = python_server_node_client("rst-peer")
    assert ours == {"role": "server", "hadError": False}
    assert theirs["error"] == "ECONNRESET" and theirs["hadError"] is True


@pytest.mark.timeout(30)
def test_node_server_resets_python_client() -> None:
    ours, theirs = node_server_python_client("rst-peer")
    assert theirs == {"role": "server", "hadError": False}
    assert ours["error"] == "ECONNRESET" and ours["hadError"] is True
