"""Soak (issue 18): bulk echo under random chunking, pause/resume and cork/uncork.

A client writes N random bytes (chunks of 1 B .. 256 KiB, log-uniform; one write in ten
starts a corked run of 2..9 chunks, uncorked at once or on the next tick; 'drain' awaited
whenever write() returns false) and end()s; its reader pauses on its first 'data' event
and on 10 % of the others, and resumes after 0..3 ms or on setImmediate. An echo server
writes back what it reads (pausing while its own buffer is full) and ends after 'end'.
Checked: the sha256 of what the client sent = what the server received = what the client
received back, every length is N, and bytesRead/bytesWritten are N exactly on both
sockets; no 'data' event while the reader is paused; no error, both sides saw 'end',
'finish' and 'close'.

Pairs: Python client + Python server (one loop, one process), Python client + node
server, node client + Python server; a Python server echoes either by hand (write(),
pause() until 'drain') or with ``sock.pipe(sock)``; over TCP (127.0.0.1) and Unix sockets. N: 1 GiB
under ``make soak`` (NODENET_UV_SOAK=1), 4 MiB in ``make test``.
"""

from __future__ import annotations

import functools
import json
import random
import subprocess
from pathlib import Path
from typing import Any

import pytest

from nodenet_uv import net, run
from tests.reliability import soak

PEER = str(Path(__file__).with_name("soak_peer.js"))
FAULTS = (
    "random chunks 1 B..256 KiB, random pause/resume on the reader, cork/uncork runs on the writer"
)


def _node(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        ["node", PEER, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _target(transport: str, path: str) -> dict[str, Any]:
    return {"path": path} if transport == "unix" else {"port": 0, "host": "127.0.0.1"}


def _py_py(
    transport: str, path: str, size: int, seed: int, use_pipe: bool = False
) -> tuple[dict, dict]:
    srv: dict[str, Any] = {}
    cli: dict[str, Any] = {}
    server = net.createServer(
        {"allowHalfOpen": True}, lambda s: soak.echo(s, srv, server.close, use_pipe)
    )

    def listening() -> None:
        if transport == "unix":
            to: dict[str, Any] = {"path": path}
        else:
            to = {"port": server.address()["port"], "host": "127.0.0.1"}
        sock = net.connect({**to, "allowHalfOpen": True})
        soak.client(sock, size, seed, cli)

    server.listen(_target(transport, path), listening)
    run()
    return cli, srv


def _py_client_node_server(transport: str, path: str, size: int, seed: int) -> tuple[dict, dict]:
    proc = _node("server", path if transport == "unix" else "0")
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line, proc.stderr.read() if proc.stderr else ""
        where = json.loads(line)["listening"]
        to = {"path": path} if transport == "unix" else {"port": where, "host": "127.0.0.1"}
        cli: dict[str, Any] = {}
        soak.client(net.connect({**to, "allowHalfOpen": True}), size, seed, cli)
        run()
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        return cli, json.loads(out.strip().splitlines()[-1])
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def _node_client_py_server(
    transport: str, path: str, size: int, seed: int, use_pipe: bool = False
) -> tuple[dict, dict]:
    srv: dict[str, Any] = {}
    procs: list[subprocess.Popen[str]] = []
    server = net.createServer(
        {"allowHalfOpen": True}, lambda s: soak.echo(s, srv, server.close, use_pipe)
    )

    def listening() -> None:
        where = path if transport == "unix" else str(server.address()["port"])
        procs.append(_node("client", where, str(size), str(seed)))

    server.listen(_target(transport, path), listening)
    try:
        run()
        out, err = procs[0].communicate(timeout=120)
        assert procs[0].returncode == 0, err
        return json.loads(out.strip().splitlines()[-1]), srv
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()


PAIRS: dict[str, Any] = {
    "Python<->Python": _py_py,
    "Python<->Python, server echoes with pipe()": functools.partial(_py_py, use_pipe=True),
    "Python client, node server": _py_client_node_server,
    "node client, Python server": _node_client_py_server,
    "node client, Python server echoing with pipe()": functools.partial(
        _node_client_py_server, use_pipe=True
    ),
}


@pytest.mark.timeout(3600)
@pytest.mark.parametrize("pair", list(PAIRS))
@pytest.mark.parametrize("transport", ["tcp", "unix"])
def test_echo_soak(
    transport: str, pair: str, pipe_path: str, load: Any, reliability_row: Any
) -> None:
    size = load.bytes(1 << 30)
    seed = random.randrange(1, 2**31)
    cli, srv = PAIRS[pair](transport, pipe_path, size, seed)
    lost = max(0, size - int(srv.get("recv_len", 0))) + max(0, size - int(cli.get("recv_len", 0)))
    sha_ok = cli.get("sent_sha") == srv.get("recv_sha") == cli.get("recv_sha")
    counters_ok = (
        cli.get("bytesWritten") == cli.get("bytesRead") == size
        and srv.get("bytesRead") == srv.get("bytesWritten") == size
    )
    reliability_row(
        test=f"echo soak, {'TCP' if transport == 'tcp' else 'Unix socket'}, {pair}",
        load=f"{size >> 20} MiB each way (seed {seed})",
        faults=FAULTS + f" ({cli.get('pauses', 0)} pauses, {cli.get('corks', 0)} corked runs)",
        bad_inputs=0,
        bytes_compared=2 * size,
        leaks=[],
        lost=lost if sha_ok else max(lost, 1),
        bug=""
        if sha_ok and counters_ok and not cli.get("dataWhilePaused")
        else f"client {cli} server {srv}",
    )
    assert cli.get("sent_len") == size
    assert srv.get("recv_len") == size and cli.get("recv_len") == size
    assert cli["sent_sha"] == srv["recv_sha"] == cli["recv_sha"], (cli, srv)
    assert cli["bytesWritten"] == size and cli["bytesRead"] == size, cli
    assert srv["bytesRead"] == size and srv["bytesWritten"] == size, srv
    assert "error" not in cli and "error" not in srv, (cli, srv)
    assert cli["hadError"] is False and srv["hadError"] is False
    for r in (cli, srv):
        assert {"end", "finish", "close"} <= set(r["events"]), r
    assert cli["pauses"] > 0 and cli["corks"] > 0, cli  # the faults did happen
    assert cli["dataWhilePaused"] == 0, cli  # no 'data' while paused
