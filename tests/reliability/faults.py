"""The Python twin of faults_peer.js (the client scenarios of test_faults.py's
differentials): the same events, recorded the same way, into ``result``."""

from __future__ import annotations

import json
from typing import Any

from nodenet_uv import net, process, timers


def track(sock: net.Socket, result: dict[str, Any]) -> None:
    result["events"] = events = []
    sock.on("finish", lambda: events.append("finish"))
    sock.on("end", lambda: events.append("end"))
    sock.on("error", lambda e: events.append(f"error:{e.code}:{e.syscall}"))

    def on_close(had_error: bool) -> None:
        events.append(f"close:{str(had_error).lower()}")
        result.update(
            bytesWritten=sock.bytesWritten,
            bytesRead=sock.bytesRead,
            destroyed=sock.destroyed,
            writableFinished=sock.writableFinished,
        )

    sock.on("close", on_close)


def rst_mid_write(port: int, size: int, result: dict[str, Any]) -> net.Socket:
    def on_connect() -> None:
        def cb(err: Any = None) -> None:
            result["events"].append(f"write-cb:{err.code if err else 'ok'}")

        result["writeReturned"] = sock.write(b"a" * size, cb)
        sock.end(lambda *_: result["events"].append("end-cb"))

    sock = net.connect(port, "127.0.0.1", on_connect)
    track(sock, result)
    return sock


def half_close_rst(port: int, result: dict[str, Any], allow_half_open: bool = True) -> net.Socket:
    sock = net.connect(
        {"port": port, "host": "127.0.0.1", "allowHalfOpen": allow_half_open},
        lambda: sock.end(lambda *_: result["events"].append("end-cb")),
    )
    sock.resume()
    track(sock, result)
    return sock


def half_close_rst_no_half_open(port: int, result: dict[str, Any]) -> net.Socket:
    return half_close_rst(port, result, False)


def paused_rst(port: int, result: dict[str, Any]) -> net.Socket:
    result["got"] = 0
    sock = net.connect(port, "127.0.0.1")
    sock.pause()

    def on_data(d: bytes) -> None:
        result["got"] += len(d)

    sock.on("data", on_data)
    timers.setTimeout(sock.resume, 300)
    track(sock, result)
    return sock


def throw_in_data(result: dict[str, Any]) -> None:
    result.update(uncaught=[], serverRead="", serverEvents=[])

    def on_uncaught(e: BaseException, origin: str) -> None:
        result["uncaught"].append(f"{e}:{origin}")

    process.on("uncaughtException", on_uncaught)
    first = [True]

    def on_connection(s: net.Socket) -> None:
        s.setEncoding("utf8")

        def on_data(d: str) -> None:
            if first[0]:
                first[0] = False
                raise RuntimeError("boom in data")
            result["serverRead"] += d

        s.on("data", on_data)
        s.on("data", lambda d: result["serverEvents"].append(f"data2:{d}"))
        s.on("end", lambda: (result["serverEvents"].append("end"), s.end()))
        s.on("close", lambda *_: (result["serverEvents"].append("close"), server.close()))

    server = net.createServer(on_connection)

    def listening() -> None:
        c = net.connect(server.address()["port"], "127.0.0.1")
        c.write("one")
        # The second chunk goes later so it arrives as a 'data' of its own.
        timers.setTimeout(lambda: c.end("two"), 50)
        c.resume()

        def on_close(*_: Any) -> None:
            result["clientClosed"] = True
            timers.setImmediate(lambda: process.removeListener("uncaughtException", on_uncaught))

        c.on("close", on_close)

    server.listen(0, "127.0.0.1", listening)


def destroy_pending(result: dict[str, Any]) -> None:
    """As faults_peer.js ``destroy-pending``."""
    result["cbs"] = cbs = []
    held: list[net.Socket] = []
    server = net.createServer({"pauseOnConnect": True}, held.append)

    def cb(name: str) -> Any:
        return lambda e=None: cbs.append(f"{name}:{e.code if e else 'ok'}")

    def on_connect() -> None:
        big = b"b" * (8 << 20)
        for i in range(4):
            sock.write(big, cb(f"big{i}"))
        sock.cork()
        sock.write("a", cb("a"))
        sock.write("b", cb("b"))
        sock.end(cb("end"))
        result["beforeDestroy"] = {
            "writableLength": sock.writableLength > 0,
            "bytesWritten": sock.bytesWritten,
        }
        sock.destroy()
        result["afterDestroy"] = {"bytesWritten": sock.bytesWritten}

        def closed(*_: Any) -> None:
            server.close()
            for h in held:
                h.destroy()

        sock.on("close", closed)

    def listening() -> None:
        nonlocal sock
        sock = net.connect(server.address()["port"], "127.0.0.1", on_connect)
        track(sock, result)

    sock: Any = None
    server.listen(0, "127.0.0.1", listening)


# (value, encoding, corked): 'buffer' values are hex of the bytes, 'default' is write(str).
ENCODED: list[tuple[str, str, bool]] = [
    ("h\u00e9llo \u20ac\U0001f600", "utf8", False),
    ("h\u00e9llo \u20ac\U0001f600", "default", True),
    ("ff00aa", "hex", False),
    ("ff00a", "hex", True),  # odd length: node drops the last digit
    ("zz", "hex", False),  # not hex at all: nothing
    ("aGVsbG8=", "base64", False),
    ("aGVsbG8", "base64", True),  # no padding
    ("a-_b", "base64url", False),
    ("h\u00e9llo\u0100", "latin1", False),  # above 0xff: truncated to the low byte
    ("h\u00e9llo", "binary", True),
    ("abc\u00e9", "ascii", False),
    ("h\u00e9llo \U0001f600", "utf16le", False),
    ("h\u00e9llo", "ucs2", True),
    ("\ud800 lone surrogate", "utf8", False),  # replaced by U+FFFD
    ("", "utf8", False),
    ("", "buffer", True),
    ("00ff10", "buffer", False),
]


def encodings(port: int, writes: str, result: dict[str, Any]) -> net.Socket:
    import json

    result["after"] = after = []

    def on_connect() -> None:
        for value, enc, corked in json.loads(writes):
            if corked:
                sock.cork()
            if enc == "buffer":
                sock.write(bytes.fromhex(value))
            elif enc == "default":
                sock.write(value)
            else:
                sock.write(value, enc)
            after.append(sock.bytesWritten)
            if corked:
                process.nextTick(sock.uncork)
        sock.end()

    sock = net.connect(port, "127.0.0.1", on_connect)
    track(sock, result)
    return sock


def throw_everywhere(result: dict[str, Any]) -> None:
    """As faults_peer.js ``throw-everywhere``; at 1.5 s the record is taken and every
    handle closed (node's script exits there)."""
    result.update(uncaught=[], server=[], client=[])
    srv_log, cli_log = result["server"], result["client"]

    def on_uncaught(e: BaseException, origin: str) -> None:
        result["uncaught"].append(f"{e}:{origin}")

    process.on("uncaughtException", on_uncaught)

    def boom(where: str) -> None:
        raise RuntimeError(f"boom in {where}")

    socks: list[net.Socket] = []

    def on_connection(s: net.Socket) -> None:
        socks.append(s)

        def on_data(d: bytes) -> None:
            srv_log.append(f"data:{d.decode()}")
            if d.startswith(b"1"):
                boom("server data")

        def end_cb(*_: Any) -> None:
            srv_log.append("end-cb")
            boom("server end callback")

        def on_end() -> None:
            srv_log.append("end")
            s.end("bye", end_cb)
            boom("server end")

        def server_closed(*_: Any) -> None:
            srv_log.append("server-close")
            boom("server close callback")

        def on_close(*_: Any) -> None:
            srv_log.append("close")
            server.close(server_closed)

        s.on("data", on_data)
        s.on("end", on_end)
        s.on("close", on_close)
        boom("connection listener")

    server = net.createServer(on_connection)
    server.on("connection", lambda s: srv_log.append("connection-2"))

    def listening() -> None:
        c = net.connect(server.address()["port"], "127.0.0.1")
        socks.append(c)
        c.setEncoding("utf8")

        def write_cb(*_: Any) -> None:
            cli_log.append("write-cb")
            boom("write callback")

        def timer() -> None:
            cli_log.append("timer")
            c.end("2nd")
            boom("timer")

        def on_connect() -> None:
            cli_log.append("connect")
            c.write("1st", write_cb)
            timers.setTimeout(timer, 30)
            boom("connect")

        def on_finish() -> None:
            cli_log.append("finish")
            boom("finish")

        def on_close(*_: Any) -> None:
            cli_log.append("close")
            boom("close")

        c.on("connect", on_connect)
        c.on("data", lambda d: cli_log.append(f"data:{d}"))
        c.on("end", lambda: cli_log.append("end"))
        c.on("finish", on_finish)
        c.on("close", on_close)

    def snapshot() -> None:
        result["snapshot"] = json.loads(json.dumps({k: list(v) for k, v in result.items()}))
        process.removeListener("uncaughtException", on_uncaught)
        for k in socks:
            k.removeAllListeners("close")
            k.destroy()
        server.close()

    timers.setTimeout(snapshot, 1500)
    server.listen(0, "127.0.0.1", listening)
