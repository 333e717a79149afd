"""Faults (issue 18): what the library does when the peer, the OS or the user misbehaves.

Where node 24 can run the same scenario it does, and its observable outcome (events in
order, error codes, byte counters) is the expectation: a differential, not a guess.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import nodenet_uv
from nodenet_uv import net, run
from tests.reliability import faults

HERE = Path(__file__).resolve().parent
PEER = str(HERE / "faults_peer.js")
ROOT = str(Path(nodenet_uv.__file__).resolve().parents[1])
PYENV = {**os.environ, "PYTHONPATH": ROOT}


def _node(*args: str, **kw: Any) -> subprocess.Popen[str]:
    return subprocess.Popen(
        ["node", PEER, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw
    )


def _lines(out: str) -> list[dict[str, Any]]:
    return [json.loads(x) for x in out.strip().splitlines() if x.startswith("{")]


def _against_resetter(client: Any, mode: str = "resetter") -> tuple[dict[str, Any], dict[str, Any]]:
    """Start node's resetter, run ``client(port)`` to the end; (client result, peer)."""
    rs = _node(mode)
    try:
        assert rs.stdout is not None
        port = json.loads(rs.stdout.readline())["port"]
        result = client(port)
        out, err = rs.communicate(timeout=30)
        assert rs.returncode == 0, err
        return result, _lines(out)[-1]
    finally:
        if rs.poll() is None:
            rs.kill()
            rs.wait()


def _py(scenario: str, *args: Any) -> Any:
    def go(port: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        getattr(faults, scenario)(port, *args, result)
        run()
        return result

    return go


def _js(scenario: str, *args: Any) -> Any:
    def go(port: int) -> dict[str, Any]:
        p = _node(scenario.replace("_", "-"), str(port), *map(str, args))
        out, err = p.communicate(timeout=60)
        assert p.returncode == 0, err
        return _lines(out)[-1]

    return go


# Node 24 shows two orders for a RST that lands in the middle of a write, depending on
# which of the write and the read sees it first (both observed with faults_peer.js):
RST_MID_WRITE_ORDERS = (
    ["write-cb:ECONNRESET", "end-cb", "error:ECONNRESET:write", "close:true"],
    ["write-cb:EPIPE", "end-cb", "error:EPIPE:write", "close:true"],
    ["error:ECONNRESET:read", "write-cb:ECANCELED", "end-cb", "close:true"],
)


@pytest.mark.timeout(120)
def test_rst_in_the_middle_of_a_large_write(load: Any, reliability_row: Any) -> None:
    size = 32 << 20
    runs = load.n(3, 20)
    seen: dict[str, list[dict[str, Any]]] = {"python": [], "node": []}
    for _ in range(runs):
        for who, make in (("python", _py), ("node", _js)):
            result, peer = _against_resetter(make("rst_mid_write", size))
            assert peer["peer_read"] >= 65536
            seen[who].append(result)
    bad = []
    for who, results in seen.items():
        for r in results:
            # The write callback gets the error, there is no 'finish', and bytesWritten
            # counts every byte the user gave write() (node's figure: the kernel took only
            # part of it, but node reports what was written, not what was sent).
            if (
                r["events"] not in [list(o) for o in RST_MID_WRITE_ORDERS]
                or r["writeReturned"] is not False
                or r["bytesWritten"] != size
                or r["writableFinished"] is not False
                or r["destroyed"] is not True
            ):
                bad.append((who, r))
    reliability_row(
        test="peer RST in the middle of a 32 MiB write (differential with node 24)",
        load=f"{runs} runs each, Python and node clients against node's resetter",
        faults="RST after the peer read 64 KiB",
        bytes_compared=0,
        lost=0,
        bug="; ".join(f"{w}: {r}" for w, r in bad),
    )
    assert not bad, bad


@pytest.mark.timeout(120)
@pytest.mark.parametrize("allow_half_open", [True, False])
def test_half_close_then_rst(allow_half_open: bool, load: Any, reliability_row: Any) -> None:
    runs = load.n(3, 20)
    results: dict[str, list[dict[str, Any]]] = {"python": [], "node": []}
    scenario = "half_close_rst" if allow_half_open else "half_close_rst_no_half_open"
    for _ in range(runs):
        for who, make in (("python", _py), ("node", _js)):
            result, peer = _against_resetter(make(scenario))
            assert peer["peer_read"] == 0
            results[who].append(result)
    expected = {
        "events": ["end-cb", "finish", "error:ECONNRESET:read", "close:true"],
        "bytesWritten": 0,
        "bytesRead": 0,
        "destroyed": True,
        "writableFinished": True,
    }
    bad = [(w, r) for w, rs in results.items() for r in rs if r != expected]
    reliability_row(
        test="half-close (end()) then the peer's RST, allowHalfOpen "
        + str(allow_half_open).lower()
        + " (differential with node 24)",
        load=f"{runs} runs each, Python and node clients",
        faults="FIN answered by RST",
        lost=0,
        bug="; ".join(f"{w}: {r}" for w, r in bad),
    )
    assert not bad, bad


@pytest.mark.timeout(120)
def test_rst_while_paused_with_unread_data(load: Any, reliability_row: Any) -> None:
    """The reader is paused; the peer sends 256 KiB then resets; the reader resumes after
    the RST: what it still gets (the buffered part), then ECONNRESET, as node 24."""
    runs = load.n(3, 20)
    results: dict[str, list[dict[str, Any]]] = {"python": [], "node": []}
    for _ in range(runs):
        for who, make in (("python", _py), ("node", _js)):
            result, _peer = _against_resetter(make("paused_rst"), "resetter-after-send")
            results[who].append(result)
    bad = [(a, b) for a, b in zip(results["python"], results["node"], strict=True) if a != b]
    reliability_row(
        test="RST while the reader is paused with unread data (differential with node 24)",
        load=f"{runs} runs each, 256 KiB sent before the RST",
        faults="RST behind unread data",
        bytes_compared=0,
        lost=0,
        bug="" if not bad else f"python {bad[0][0]} node {bad[0][1]}",
    )
    assert not bad, bad[0]


def test_string_encodings_on_the_wire(reliability_row: Any) -> None:
    """Strings in every encoding (odd hex, bad hex, unpadded base64, latin1 above 0xff, a
    lone surrogate, empty writes), corked and not: node 24's sink receives the same bytes
    (sha256) from the Python client as from a node client, and bytesWritten after each
    write is node's."""
    writes = json.dumps(faults.ENCODED)
    results = {}
    for who, make in (("python", _py), ("node", _js)):
        results[who] = _against_resetter(make("encodings", writes), "sink")
    (ours, our_sink), (theirs, their_sink) = results["python"], results["node"]
    same = ours == theirs and our_sink == their_sink
    reliability_row(
        test="string writes in every encoding, corked and not (differential with node 24)",
        load=f"{len(faults.ENCODED)} writes",
        faults="odd/bad hex, unpadded base64, latin1 > 0xff, lone surrogate, empty writes",
        bad_inputs=len(faults.ENCODED),
        bytes_compared=their_sink["len"],
        lost=0 if same else abs(their_sink["len"] - our_sink["len"]) or 1,
        bug="" if same else f"python {ours} {our_sink} node {theirs} {their_sink}",
    )
    assert our_sink == their_sink, (our_sink, their_sink)
    assert ours == theirs


def test_listener_raising_inside_data_is_uncaught_exception(reliability_row: Any) -> None:
    """The first 'data' listener raises: process 'uncaughtException' gets it (origin
    'uncaughtException'), the later listeners of that emit are skipped (as in node), the
    stream goes on: the next chunk, 'end', 'close'; node 24 gives the same record."""
    ours: dict[str, Any] = {}
    faults.throw_in_data(ours)
    run()
    p = _node("throw-in-data")
    out, err = p.communicate(timeout=30)
    assert p.returncode == 0, err
    theirs = _lines(out)[-1]
    # The message part: Python's str(exc) is the message, as node's e.message.
    reliability_row(
        test="a 'data' listener raising (uncaughtException path, differential with node 24)",
        load="1 connection, 2 chunks",
        faults="exception raised inside the first 'data' listener",
        bad_inputs=1,
        bytes_compared=6,
        lost=0 if ours == theirs else 1,
        bug="" if ours == theirs else f"python {ours} node {theirs}",
    )
    assert ours == theirs


def test_every_kind_of_callback_raising(reliability_row: Any) -> None:
    """A 'connection' listener, 'connect', a write callback, 'data', a timer, 'finish',
    'end', an end() callback, 'close' and a server.close() callback each raise once,
    under an uncaughtException listener. What each socket saw, in order, and what was
    caught, at 1.5 s: node 24's record (node's own streams stall when 'finish' or 'end'
    throws: the sockets never close; the record says so, and ours must match)."""
    ours: dict[str, Any] = {}
    faults.throw_everywhere(ours)
    run()
    p = _node("throw-everywhere")
    out, err = p.communicate(timeout=30)
    assert p.returncode == 0, err
    theirs = _lines(out)[-1]
    mine = ours["snapshot"]
    reliability_row(
        test="every kind of callback raising once (uncaughtException path, vs node 24)",
        load="1 connection, 9 raising callbacks",
        faults="exceptions in connection/connect/write-cb/data/timer/finish/end/end-cb/close",
        bad_inputs=len(theirs["uncaught"]),
        lost=0 if mine == theirs else 1,
        bug="" if mine == theirs else f"python {mine} node {theirs}",
    )
    assert mine == theirs


def test_listener_raising_without_handler_ends_run_and_loop_stays_usable(
    reliability_row: Any,
) -> None:
    """No 'uncaughtException' listener: run() raises the error (node would exit with it);
    the loop is still consistent: the same server keeps serving when run() is called
    again, and a fresh echo works end to end."""

    class Boom(Exception):
        pass

    got: list[str] = []

    def on_connection(s: net.Socket) -> None:
        s.setEncoding("utf8")

        def on_data(d: str) -> None:
            if not got:
                got.append(d)
                raise Boom("boom")
            got.append(d)

        s.on("data", on_data)
        s.on("end", s.end)

    server = net.createServer(on_connection)
    conns: list[net.Socket] = []

    def listening() -> None:
        c = net.connect(server.address()["port"], "127.0.0.1", lambda: c.write("first"))
        conns.append(c)

    server.listen(0, "127.0.0.1", listening)
    with pytest.raises(Boom):
        run()
    # Keep going on the same loop: the same socket keeps reading.
    (c,) = conns
    c.end("second")
    c.resume()
    c.on("close", lambda *_: server.close())
    run()
    assert got == ["first", "second"], got
    # And a fresh echo on the same loop.
    echoed: list[bytes] = []
    srv2 = net.createServer(lambda s: s.pipe(s))
    srv2.listen(
        0,
        "127.0.0.1",
        lambda: (
            (c2 := net.connect(srv2.address()["port"], "127.0.0.1")).end(b"x" * 100000),
            c2.on("data", echoed.append),
            c2.on("close", lambda *_: srv2.close()),
        ),
    )
    run()
    ok = b"".join(echoed) == b"x" * 100000
    reliability_row(
        test="a 'data' listener raising with no handler: run() raises, the loop goes on",
        load="2 connections",
        faults="exception escaping run()",
        bad_inputs=1,
        bytes_compared=100000,
        lost=0 if ok else 1,
    )
    assert ok


@pytest.mark.timeout(300)
@pytest.mark.parametrize("transport", ["tcp", "unix"])
def test_server_close_with_open_connections(
    transport: str, pipe_path: str, load: Any, reliability_row: Any
) -> None:
    """server.close() with N connections open: it stops listening at once (a new connect
    is refused), its callback waits for the last connection, then runs once with no
    error; every socket closes, none is lost."""
    n = load.n(100, 1000)
    state: dict[str, Any] = {"accepted": 0, "closed_srv": 0, "closed_cli": 0, "cb": []}
    clients: list[net.Socket] = []
    server = net.createServer()

    def on_connection(s: net.Socket) -> None:
        state["accepted"] += 1
        s.on("end", s.end)
        s.on("close", lambda *_: state.__setitem__("closed_srv", state["closed_srv"] + 1))
        if state["accepted"] == n:
            everyone_in()

    def everyone_in() -> None:
        server.close(lambda err=None: state["cb"].append(err))
        state["listening_after_close"] = server.listening
        refused = net.connect(target)
        refused.on("error", lambda e: state.__setitem__("refused", e.code))

        def release() -> None:
            state["cb_before_release"] = list(state["cb"])
            for c in clients:
                c.end()

        nodenet_uv.timers.setTimeout(release, 50)

    server.on("connection", on_connection)
    if transport == "unix":
        target: dict[str, Any] = {"path": pipe_path}
        listen_args: dict[str, Any] = {"path": pipe_path, "backlog": 2048}
    else:
        target = {"host": "127.0.0.1", "port": 0}
        listen_args = {"port": 0, "host": "127.0.0.1", "backlog": 2048}

    def listening() -> None:
        if transport == "tcp":
            target["port"] = server.address()["port"]
        for _ in range(n):
            c = net.connect(target)
            c.resume()
            c.on("close", lambda *_: state.__setitem__("closed_cli", state["closed_cli"] + 1))
            clients.append(c)

    server.listen(listen_args, listening)
    run()
    lost = (n - state["accepted"]) + (n - state["closed_srv"]) + (n - state["closed_cli"])
    reliability_row(
        test=f"server.close() with {n} open connections, {'TCP' if transport == 'tcp' else 'Unix socket'}",
        load=f"{n} connections",
        faults="close() while every connection is open; a connect after close()",
        lost=lost,
    )
    assert state["listening_after_close"] is False
    assert state["refused"] in ("ECONNREFUSED", "ENOENT"), state
    assert state["cb_before_release"] == []
    assert state["cb"] == [None], state["cb"]
    assert lost == 0, state


# EMFILE: a server whose process runs out of descriptors. libuv's trick (a reserve fd
# closed to accept-and-close what waits) keeps the listener alive: the connections over
# the limit are closed at once, and once fds are free again new ones are served. The
# same script runs under node 24 and under nodenet_uv, each with RLIMIT_NOFILE lowered
# by its parent; the client (this process) counts the connections that were served.
EMFILE_JS = r"""
const net = require('net');
let n = 0;
const server = net.createServer((s) => { n++; s.write('hi\n'); s.on('end', () => s.end()); s.on('error', () => {}); });
server.on('error', (e) => { process.stdout.write(JSON.stringify({ serverError: e.code }) + '\n'); });
server.listen(0, '127.0.0.1', () => process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n'));
process.stdin.on('data', () => { process.stdout.write(JSON.stringify({ served: n }) + '\n'); server.close(); process.exit(0); });
"""

EMFILE_PY = r"""
import json, sys, threading
from nodenet_uv import call_soon_threadsafe, net, process, run
n = [0]
def out(o):
    sys.stdout.write(json.dumps(o) + "\n"); sys.stdout.flush()
def conn(s):
    n[0] += 1
    s.write("hi\n")
    s.on("end", s.end)
    s.on("error", lambda e: None)
server = net.createServer(conn)
server.on("error", lambda e: out({"serverError": e.code}))
server.listen(0, "127.0.0.1", lambda: out({"port": server.address()["port"]}))
def done():
    out({"served": n[0]})
    server.close()
    process.exit(0)
# nodenet_uv has no process.stdin: a thread waits for the parent's line instead.
threading.Thread(target=lambda: (sys.stdin.readline(), call_soon_threadsafe(done)), daemon=True).start()
run()
"""


def _emfile_run(argv: list[str], limit: int, extra: int) -> dict[str, Any]:
    def lower() -> None:
        resource.setrlimit(resource.RLIMIT_NOFILE, (limit, limit))

    p = subprocess.Popen(
        argv,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=PYENV,
        preexec_fn=lower,
    )
    socks: list[socket.socket] = []
    try:
        assert p.stdin is not None and p.stdout is not None
        first = json.loads(p.stdout.readline())
        port = first["port"]

        def attempt() -> tuple[socket.socket, bool]:
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
            try:
                served = s.recv(3) == b"hi\n"
            except OSError:
                served = False
            return s, served

        served_first = 0
        dropped = 0
        for _ in range(limit + extra):
            s, ok = attempt()
            socks.append(s)
            served_first += ok
            dropped += not ok
        for s in socks:
            s.close()
        socks.clear()
        time.sleep(0.5)  # the server sees the FINs and frees its descriptors
        served_after = 0
        for _ in range(10):
            s, ok = attempt()
            served_after += ok
            s.close()
        alive = p.poll() is None
        p.stdin.write("report\n")
        p.stdin.flush()
        out, err = p.communicate(timeout=30)
        return {
            "served_first": served_first,
            "dropped": dropped,
            "served_after": served_after,
            "alive": alive,
            "lines": _lines(out),
            "rc": p.returncode,
            "stderr": err[-2000:],
        }
    finally:
        for s in socks:
            s.close()
        if p.poll() is None:
            p.kill()
            p.wait()


@pytest.mark.timeout(120)
def test_emfile_on_accept_server_survives(reliability_row: Any) -> None:
    limit, extra = 64, 40
    ours = _emfile_run([sys.executable, "-c", EMFILE_PY], limit, extra)
    theirs = _emfile_run(["node", "-e", EMFILE_JS], limit, extra)
    for r in (ours, theirs):
        assert r["alive"] and r["rc"] == 0, r
        # Over the limit some connections were closed unserved, the server lived on, and
        # once the client let go every new connection was served.
        assert r["dropped"] > 0, r
        assert r["served_after"] == 10, r
    # node 24 emits no 'error' on the server (libuv's trick swallows EMFILE): neither do we.
    ours_errors = [x for x in ours["lines"] if "serverError" in x]
    theirs_errors = [x for x in theirs["lines"] if "serverError" in x]
    assert ours_errors == theirs_errors, (ours, theirs)
    reliability_row(
        test="EMFILE on accept (RLIMIT_NOFILE 64, differential with node 24)",
        load=f"{limit + extra} connections held, then 10 more",
        faults="descriptor limit reached while accepting",
        bad_inputs=0,
        lost=0,
        python=f"served {ours['served_first']} then {ours['served_after']}/10",
        node=f"served {theirs['served_first']} then {theirs['served_after']}/10",
    )


# SIGPIPE: node ignores it at startup (src/node.cc, PlatformInit), so a write to a pipe
# or socket whose reader is gone is an EPIPE error, never a signal that kills the process.
# CPython ignores it too, but scripts often restore SIG_DFL (for `| head`): the child below
# does so before importing nodenet_uv, then writes to a child's closed stdin and into a
# socket its peer reset; node 24 runs the same scenario (sigpipe.js in the string below).
SIGPIPE_PY = r"""
import json, signal, sys
signal.signal(signal.SIGPIPE, signal.SIG_DFL)
from nodenet_uv import child_process, net, run, timers
out = []
c = child_process.spawn("sh", ["-c", "exec 0<&-; sleep 0.5"], {"stdio": ["pipe", "ignore", "ignore"]})
def to_pipe():
    c.stdin.on("error", lambda e: out.append(["pipe", e.code]))
    for _ in range(10):
        c.stdin.write(b"\0" * 65536)
timers.setTimeout(to_pipe, 200)
run()
def conn(s):
    s.pause()
    timers.setTimeout(s.resetAndDestroy, 50)
server = net.createServer({"pauseOnConnect": True}, conn)
def listening():
    k = net.connect(server.address()["port"], "127.0.0.1")
    k.pause()
    k.on("error", lambda e: out.append(["socket", e.code]))
    k.on("close", lambda *_: server.close())
    def blast():
        for _ in range(20):
            k.write(b"x" * 65536)
    timers.setTimeout(blast, 150)
server.listen(0, "127.0.0.1", listening)
run()
print(json.dumps(out))
"""

SIGPIPE_JS = r"""
const cp = require('child_process');
const net = require('net');
const out = [];
const c = cp.spawn('sh', ['-c', 'exec 0<&-; sleep 0.5'], { stdio: ['pipe', 'ignore', 'ignore'] });
setTimeout(() => {
  c.stdin.on('error', (e) => out.push(['pipe', e.code]));
  for (let i = 0; i < 10; i++) c.stdin.write(Buffer.alloc(65536));
}, 200);
c.on('close', () => {
  const server = net.createServer({ pauseOnConnect: true }, (s) => { setTimeout(() => s.resetAndDestroy(), 50); });
  server.listen(0, '127.0.0.1', () => {
    const k = net.connect(server.address().port, '127.0.0.1');
    k.pause();
    k.on('error', (e) => out.push(['socket', e.code]));
    k.on('close', () => { server.close(); console.log(JSON.stringify(out)); });
    setTimeout(() => { for (let i = 0; i < 20; i++) k.write(Buffer.alloc(65536, 0x78)); }, 150);
  });
});
"""


@pytest.mark.timeout(60)
def test_sigpipe_never_kills_the_process(reliability_row: Any) -> None:
    ours = subprocess.run(
        [sys.executable, "-c", SIGPIPE_PY], capture_output=True, text=True, env=PYENV, timeout=30
    )
    theirs = subprocess.run(["node", "-e", SIGPIPE_JS], capture_output=True, text=True, timeout=30)
    assert theirs.returncode == 0, theirs.stderr
    killed = ours.returncode == -signal.SIGPIPE
    reliability_row(
        test="SIGPIPE never kills the process (SIG_DFL restored by the script; vs node 24)",
        load="a child's closed stdin, a reset socket",
        faults="writes after the reader is gone",
        lost=0,
        bug="killed by SIGPIPE" if killed else "",
    )
    assert ours.returncode == 0, (ours.returncode, ours.stderr)
    assert json.loads(ours.stdout) == json.loads(theirs.stdout), (ours.stdout, theirs.stdout)


# DNS: the same script under node 24 and nodenet_uv: dns.lookup(HOST), and
# net.connect({host: HOST}) with setTimeout(TIMEOUT_MS) (destroy on 'timeout').
DNS_PY = r"""
import json, os, time
from nodenet_uv import dns, net, run
host, timeout_ms = os.environ["HOST"], int(os.environ["TIMEOUT_MS"])
out = {"socket": []}
t0 = time.monotonic()
def looked(err, address=None, family=None):
    out["lookup"] = [err.code, err.syscall, err.hostname, str(err)] if err else ["ok", address]
    out["lookup_s"] = time.monotonic() - t0
dns.lookup(host, looked)
s = net.connect({"host": host, "port": 80})
s.setTimeout(timeout_ms)
s.on("timeout", lambda: (out["socket"].append("timeout"), s.destroy()))
s.on("error", lambda e: out["socket"].append(f"error:{e.code}:{e.syscall}:{e}"))
s.on("close", lambda had_error: out["socket"].append(f"close:{str(had_error).lower()}"))
run()
print(json.dumps(out))
"""

DNS_JS = r"""
const dns = require('dns');
const net = require('net');
const host = process.env.HOST;
const out = { socket: [] };
const t0 = process.hrtime.bigint();
dns.lookup(host, (err, address) => {
  out.lookup = err ? [err.code, err.syscall, err.hostname, err.message] : ['ok', address];
  out.lookup_s = Number(process.hrtime.bigint() - t0) / 1e9;
});
const s = net.connect({ host, port: 80 });
s.setTimeout(Number(process.env.TIMEOUT_MS));
s.on('timeout', () => { out.socket.push('timeout'); s.destroy(); });
s.on('error', (e) => out.socket.push(`error:${e.code}:${e.syscall}:${e.message}`));
s.on('close', (hadError) => out.socket.push(`close:${hadError}`));
process.on('exit', () => console.log(JSON.stringify(out)));
"""


def _dns_pair(prefix: list[str], env: dict[str, str]) -> tuple[dict[str, Any], dict[str, Any]]:
    ours = subprocess.run(
        [*prefix, sys.executable, "-c", DNS_PY],
        capture_output=True,
        text=True,
        env={**PYENV, **env},
        timeout=60,
    )
    theirs = subprocess.run(
        [*prefix, os.environ["NODENET_UV_NODE"], "-e", DNS_JS],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=60,
    )
    assert ours.returncode == 0, ours.stderr
    assert theirs.returncode == 0, theirs.stderr
    return json.loads(ours.stdout), json.loads(theirs.stdout)


@pytest.mark.timeout(120)
def test_dns_lookup_failure(reliability_row: Any) -> None:
    """A name that does not exist: dns.lookup and net.connect fail as node's do (the code
    is whatever this machine's resolver answers, ENOTFOUND or EAI_AGAIN: node's is the
    expectation)."""
    host = "no-such-host.nodenet-uv-reliability.invalid"
    ours, theirs = _dns_pair([], {"HOST": host, "TIMEOUT_MS": "20000"})
    ours.pop("lookup_s"), theirs.pop("lookup_s")
    reliability_row(
        test="DNS lookup failure (dns.lookup and net.connect; differential with node 24)",
        load="1 lookup, 1 connect",
        faults="a name that does not resolve",
        bad_inputs=1,
        lost=0,
        bug="" if ours == theirs else f"python {ours} node {theirs}",
    )
    assert ours == theirs
    assert ours["lookup"][0] in ("ENOTFOUND", "EAI_AGAIN", "EAI_FAIL"), ours


def _can_unshare() -> bool:
    try:
        return (
            subprocess.run(["unshare", "-m", "true"], capture_output=True, timeout=10).returncode
            == 0
        )
    except (OSError, subprocess.SubprocessError):
        return False


@pytest.mark.timeout(120)
def test_dns_lookup_timeout_with_a_resolver_that_never_answers(
    tmp_path: Path, reliability_row: Any
) -> None:
    """getaddrinfo takes its name servers from /etc/resolv.conf only (dns.lookup has no
    setServers), so the script runs in a private mount namespace (``unshare -m``, needs
    root or CAP_SYS_ADMIN) where /etc/resolv.conf names a local UDP socket that reads
    every query and never answers (``options timeout:1 attempts:1``). The socket's
    setTimeout(300) fires while the lookup is pending, destroy() ends it quietly, and the
    lookup later fails with node's error; nothing else happens, the process exits."""
    if not _can_unshare():
        pytest.skip("unshare -m is not permitted here (needs CAP_SYS_ADMIN)")
    swallow = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    for last in range(2, 250):
        try:
            swallow.bind((f"127.77.{os.getpid() % 250}.{last}", 53))
            break
        except OSError:
            continue
    else:
        pytest.skip("no free 127.77.x.y:53 to bind")
    try:
        ip = swallow.getsockname()[0]
        conf = tmp_path / "resolv.conf"
        conf.write_text(f"nameserver {ip}\noptions timeout:1 attempts:1\n")
        prefix = [
            "unshare",
            "-m",
            "sh",
            "-c",
            f'mount --bind {conf} /etc/resolv.conf && exec "$@"',
            "sh",
        ]
        ours, theirs = _dns_pair(
            prefix, {"HOST": "never-answered.example.com", "TIMEOUT_MS": "300"}
        )
        swallow.setblocking(False)
        queries = 0
        while True:
            try:
                swallow.recv(4096)
                queries += 1
            except BlockingIOError:
                break
    finally:
        swallow.close()
    slow = ours.pop("lookup_s"), theirs.pop("lookup_s")
    reliability_row(
        test="DNS lookup timeout (a resolver that never answers; differential with node 24)",
        load="1 lookup, 1 connect, each side",
        faults=f"{queries} queries swallowed; socket timeout while the lookup is pending",
        lost=0,
        bug="" if ours == theirs else f"python {ours} node {theirs}",
    )
    assert queries > 0
    assert min(slow) >= 0.9, slow  # the answer really was waited for
    assert ours == theirs
    assert ours["socket"] == ["timeout", "close:false"], ours
    assert ours["lookup"][0] == "EAI_AGAIN", ours


def test_connect_with_a_lookup_that_never_calls_back(reliability_row: Any) -> None:
    """The in-process variant (no privilege needed): connect()'s ``lookup`` option never
    calls back; setTimeout fires, destroy() closes the socket, nothing is left behind
    (the leak check of every test runs after this one)."""
    events: list[str] = []
    pending: list[Any] = []
    s = net.connect({"host": "example.invalid", "port": 80, "lookup": lambda *a: pending.append(a)})
    s.setTimeout(100)
    s.on("timeout", lambda: (events.append("timeout"), s.destroy()))
    s.on("error", lambda e: events.append(f"error:{e.code}"))
    s.on("close", lambda had_error: events.append(f"close:{had_error}"))
    # The socket's timeout timer is unref'ed (node's too): a ref'ed timer keeps the loop
    # up meanwhile, as the rest of a program would (node, alone, exits with no event).
    nodenet_uv.timers.setTimeout(lambda: None, 300)
    run()
    reliability_row(
        test="connect() whose lookup never answers (custom lookup option)",
        load="1 connect",
        faults="lookup callback never called",
        lost=0,
    )
    assert len(pending) == 1
    assert events == ["timeout", "close:False"]


def _rss() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


@pytest.mark.timeout(300)
@pytest.mark.parametrize("transport", ["tcp", "unix"])
def test_peer_that_never_reads(
    transport: str, pipe_path: str, load: Any, reliability_row: Any
) -> None:
    """The peer accepts (pauseOnConnect) and never reads. The writer keeps writing fresh
    1 MiB chunks after write() returned false: write() keeps returning false, bufferSize
    (= writableLength) is everything the kernel has not taken, bytesWritten counts every
    byte written, and RSS grows by no more than what the user wrote (plus a constant: no
    copy per chunk). destroy() then calls every pending write callback once (with
    ECANCELED for the writes still queued, as node 24 does: measured with the same
    scenario, node's first false comes once the kernel stops taking data, 4 MiB over
    TCP here, 1 MiB over a Unix socket, and its RSS grows by the 64 MiB written)."""
    total = load.n(64, 512) << 20
    chunk = 1 << 20
    st: dict[str, Any] = {"cbs": [], "false_at": None, "returns": []}
    server = net.createServer({"pauseOnConnect": True})
    held: list[net.Socket] = []
    server.on("connection", held.append)
    target: dict[str, Any] = {"path": pipe_path} if transport == "unix" else {}

    def listening() -> None:
        if transport == "tcp":
            target.update(port=server.address()["port"], host="127.0.0.1")
        c = net.connect(target)
        c.on("error", lambda e: st.__setitem__("error", e.code))

        def fill() -> None:
            st["rss0"] = _rss()
            written = 0
            while written < total:
                ok = c.write(os.urandom(chunk), lambda err=None: st["cbs"].append(err))
                written += chunk
                if not ok and st["false_at"] is None:
                    st["false_at"] = written
                st["returns"].append(ok)
            # Let libuv try (the kernel buffers fill, the rest stays queued).
            nodenet_uv.timers.setTimeout(measure, 200, c)

        c.on("connect", fill)

    def measure(c: net.Socket) -> None:
        st["rss1"] = _rss()
        st["bufferSize"] = c.bufferSize
        st["writableLength"] = c.writableLength
        st["bytesWritten"] = c.bytesWritten
        st["kernel_took"] = c.bytesWritten - c.writableLength
        c.destroy()
        c.on("close", lambda *_: (server.close(), [s.destroy() for s in held]))

    server.listen(
        {"path": pipe_path} if transport == "unix" else {"port": 0, "host": "127.0.0.1"}, listening
    )
    run()
    grown = st["rss1"] - st["rss0"]
    n_writes = total // chunk
    cb_codes = {getattr(e, "code", None) for e in st["cbs"]}
    leaks = [] if grown <= total + (64 << 20) else [f"RSS grew {grown} B for {total} B written"]
    lost = n_writes - len(st["cbs"])
    reliability_row(
        test=f"a peer that never reads, {'TCP' if transport == 'tcp' else 'Unix socket'}",
        load=f"{total >> 20} MiB written in 1 MiB chunks",
        faults="reader never reads; writer ignores write() returning false",
        bytes_compared=0,
        leaks=leaks,
        lost=lost,
        rss_growth=grown,
        buffered=st["bufferSize"],
    )
    assert st["bytesWritten"] == total
    assert st["bufferSize"] == st["writableLength"]
    assert 0 <= st["kernel_took"] < total - (8 << 20), st  # the kernel took a few MiB at most
    # false as soon as a chunk stays queued (the kernel took kernel_took bytes at once).
    assert st["false_at"] is not None and st["false_at"] <= st["kernel_took"] + 2 * chunk, st
    first_false = st["returns"].index(False)
    assert not any(st["returns"][first_false:]), "write() returned true while nothing drained"
    assert not leaks, leaks
    assert len(st["cbs"]) == n_writes, (len(st["cbs"]), n_writes)
    # Callbacks of writes the kernel took: None; of the ones destroy() cut: ECANCELED.
    assert cb_codes <= {None, "ECANCELED"}, cb_codes
    assert sum(e is None for e in st["cbs"]) * chunk <= st["kernel_took"] + chunk


def test_destroy_with_writes_pending(load: Any, reliability_row: Any) -> None:
    """destroy() with 32 MiB queued behind a full kernel buffer, two corked writes and an
    end() pending: every callback is called once, in node 24's order and with node's
    error, and the events and bytesWritten are node's."""
    runs = load.n(3, 20)
    ours_all, theirs_all = [], []
    for _ in range(runs):
        ours: dict[str, Any] = {}
        faults.destroy_pending(ours)
        run()
        p = _node("destroy-pending")
        out, err = p.communicate(timeout=60)
        assert p.returncode == 0, err
        ours_all.append(ours)
        theirs_all.append(_lines(out)[-1])
    bad = [(a, b) for a, b in zip(ours_all, theirs_all, strict=True) if a != b]
    reliability_row(
        test="destroy() with writes queued, corked and end() pending (vs node 24)",
        load=f"{runs} runs, 32 MiB queued",
        faults="destroy() with pending writes",
        lost=sum(len(b["cbs"]) - len(a["cbs"]) for a, b in bad),
        bug="" if not bad else f"python {bad[0][0]} node {bad[0][1]}",
    )
    assert not bad, bad[0]


UNREF_PY = r"""
import json, sys
from nodenet_uv import net, run
ev = []
s = net.connect(int(sys.argv[1]), sys.argv[2])
s.unref()
s.on("connect", lambda: ev.append("connect"))
s.on("data", lambda d: ev.append("data"))
s.on("error", lambda e: ev.append("error:" + e.code))
run()
print(json.dumps(ev))
"""

UNREF_JS = r"""
const net = require('net');
const ev = [];
const s = net.connect(Number(process.argv[1]), process.argv[2]);
s.unref();
s.on('connect', () => ev.push('connect'));
s.on('data', () => ev.push('data'));
s.on('error', (e) => ev.push('error:' + e.code));
process.on('exit', () => console.log(JSON.stringify(ev)));
"""


def test_unref_before_connect(reliability_row: Any) -> None:
    """unref() right after connect() (a Bun bug was exiting before connecting): the
    pending connect (and lookup, for 'localhost') still runs to its end, then the
    process exits without waiting for data, as node 24 does; a refused port reports
    its error first. Python and node, each in a subprocess, against the same
    listener."""
    lst = socket.socket()
    lst.bind(("127.0.0.1", 0))
    lst.listen(64)
    port = lst.getsockname()[1]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        refused = probe.getsockname()[1]  # bound, never listening: ECONNREFUSED
        cases = [(port, "127.0.0.1"), (port, "localhost"), (refused, "127.0.0.1")]
        results = []
        try:
            for p, host in cases:
                ours = subprocess.run(
                    [sys.executable, "-c", UNREF_PY, str(p), host],
                    capture_output=True,
                    text=True,
                    env=PYENV,
                    timeout=30,
                )
                theirs = subprocess.run(
                    ["node", "-e", UNREF_JS, str(p), host],
                    capture_output=True,
                    text=True,
                    timeout=30,
                )
                assert ours.returncode == 0, ours.stderr
                assert theirs.returncode == 0, theirs.stderr
                results.append((host, json.loads(ours.stdout), json.loads(theirs.stdout)))
        finally:
            lst.close()
    bad = [r for r in results if r[1] != r[2]]
    reliability_row(
        test="unref() before the connect completes (vs node 24)",
        load="3 connects each (IP, 'localhost', a refused port)",
        faults="handle unref'ed while connecting",
        lost=0,
        bug="" if not bad else f"{bad}",
    )
    assert not bad, bad
    assert results[0][1] == ["connect"] and results[2][1] == ["error:ECONNREFUSED"]
