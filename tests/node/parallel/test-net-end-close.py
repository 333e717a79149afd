"""Port of test/parallel/test-net-end-close.js (``--expose-internals``).

Node's fake handle reports EOF by setting ``streamBaseState[kReadBytesOrError] = UV_EOF``
and calling ``this.onread()``; our binding's contract passes the same values as
arguments: ``handle.onread(handle, nread, buf)`` (``nodenet_uv._binding.stream_wrap``),
with ``UV_EOF`` from ``internalBinding('uv')`` = ``nodenet_uv._binding.uv``.
"""

from typing import Any

from nodenet_uv import net, run
from nodenet_uv._binding.uv import UV_EOF
from nodenet_uv.timers import setImmediate


class FakeHandle:
    def readStart(self) -> int:
        setImmediate(lambda: self.onread(self, UV_EOF, None))
        return 0

    def close(self, cb: Any) -> None:
        setImmediate(cb)


def test_end_then_close() -> None:
    s = net.Socket({"handle": FakeHandle(), "writable": False})
    assert s is s.resume()

    events: list[str] = []

    s.on("end", lambda: events.append("end"))
    s.on("close", lambda: events.append("close"))

    run()
    # process.on('exit') in Node: the loop has nothing left to do.
    assert events == ["end", "close"]
