"""The hand-inlined hot paths (``# INLINED(...)``) behave as the code they copy.

* net.Socket._write inlines Socket._writeGeneric (lib/net.js) for a connected socket
  with no idle timer and no parent; a subclass overriding _writeGeneric, or an idle
  timeout, takes the slow path.
* _stream_base_commons.writeGeneric's buffer fast path (try_write, then a WriteWrap only
  for the rest) stands in for handleWriteReq + afterWriteDispatched; with no buffer type
  eligible, every write takes the slow path.

The same writes run through each path: same callbacks in the same order, same
'drain's, same counters and the same bytes at the peer.
"""

from __future__ import annotations

from typing import Any

import pytest

from nodenet_uv import _stream_base_commons, net, run
from nodenet_uv.testing import common

BIG = b"x" * (4 * 1024 * 1024)  # more than the socket buffer: a queued remainder


class SlowSocket(net.Socket):
    def _writeGeneric(self, writev: bool, data: Any, encoding: str, cb: Any) -> Any:
        self.slow_calls = getattr(self, "slow_calls", 0) + 1
        return super()._writeGeneric(writev, data, encoding, cb)


def _scenario(make_socket: Any, idle_timeout: bool = False) -> dict[str, Any]:
    log: list[Any] = []
    received = bytearray()
    result: dict[str, Any] = {}

    def on_connection(conn: net.Socket) -> None:
        conn.on("data", received.extend)
        conn.on("end", lambda: conn.end())

    server = net.createServer(on_connection)

    def on_listening() -> None:
        client = make_socket()
        if idle_timeout:
            client.setTimeout(60_000)

        def on_connect() -> None:
            log.append(("write1", client.write(b"abc", lambda err=None: log.append(("cb1", err)))))
            log.append(
                ("write2", client.write("h\u00e9llo", lambda err=None: log.append(("cb2", err))))
            )
            log.append(
                ("write3", client.write("ff00", "hex", lambda err=None: log.append(("cb3", err))))
            )
            log.append(("write4", client.write(bytearray(b"xyz"))))
            log.append(("write5", client.write(memoryview(b"123"))))
            log.append(("write6", client.write(BIG, lambda err=None: log.append(("cb6", err)))))
            log.append(("bytesWritten", client.bytesWritten))
            client.end(b"!", lambda: log.append(("end-cb",)))

        client.on("drain", lambda: log.append(("drain", client.writableLength)))
        client.on("finish", lambda: log.append(("finish", client.bytesWritten)))
        client.on("close", lambda _had_error=None: (log.append(("close",)), server.close()))
        client.on("end", lambda: None)
        client.connect(server.address()["port"], "127.0.0.1", common.mustCall(on_connect))
        result["client"] = client

    server.listen(0, "127.0.0.1", common.mustCall(on_listening))
    run()
    result["log"] = log
    result["received"] = bytes(received)
    return result


def _expected_bytes() -> bytes:
    return b"abc" + "h\u00e9llo".encode() + b"\xff\x00" + b"xyz" + b"123" + BIG + b"!"


def test_socket_write_fast_and_slow_paths_agree() -> None:
    fast = _scenario(net.Socket)
    slow = _scenario(SlowSocket)
    timed = _scenario(net.Socket, idle_timeout=True)
    assert slow["client"].slow_calls >= 6  # every write went through _writeGeneric
    assert fast["received"] == slow["received"] == timed["received"] == _expected_bytes()
    assert fast["log"] == slow["log"] == timed["log"]
    assert ("cb6", None) in fast["log"] and ("close",) in fast["log"]


def test_write_generic_buffer_fast_path_and_slow_path_agree(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fast = _scenario(net.Socket)
    # No type is eligible for the try_write shortcut: handleWriteReq + afterWriteDispatched.
    monkeypatch.setattr(_stream_base_commons, "_BUFFER_TYPES", ())
    calls: list[str] = []
    handle_write_req = _stream_base_commons.handleWriteReq

    def counting(req: Any, data: Any, encoding: str) -> int:
        calls.append(encoding)
        return handle_write_req(req, data, encoding)

    monkeypatch.setattr(_stream_base_commons, "handleWriteReq", counting)
    slow = _scenario(net.Socket)
    assert calls.count("buffer") >= 5 and "hex" in calls
    assert fast["received"] == slow["received"] == _expected_bytes()
    assert fast["log"] == slow["log"]
