"""Port of test/parallel/test-net-persistent-ref-unref.js (``--expose-internals``).

``internalBinding('tcp_wrap').TCP`` is ``nodenet_uv._binding.tcp_wrap.TCP``; the test
patches its ``ref``/``unref`` as Node's patches ``TCPWrap.prototype``.
"""

from collections.abc import Iterator
from typing import Any

import pytest

from nodenet_uv import net, run
from nodenet_uv._binding import tcp_wrap

TCPWrap = tcp_wrap.TCP


@pytest.fixture
def ref_count() -> Iterator[list[int]]:
    count = [0]
    ref = TCPWrap.ref
    unref = TCPWrap.unref

    def patched_ref(self: Any) -> None:
        ref(self)
        count[0] += 1
        assert count[0] == 0

    def patched_unref(self: Any) -> None:
        unref(self)
        count[0] -= 1
        assert count[0] == -1

    TCPWrap.ref = patched_ref  # type: ignore[method-assign]
    TCPWrap.unref = patched_unref  # type: ignore[method-assign]
    yield count
    TCPWrap.ref = ref  # type: ignore[method-assign]
    TCPWrap.unref = unref  # type: ignore[method-assign]


def test_ref_unref_before_connect_are_replayed(ref_count: list[int]) -> None:
    echo_server = net.createServer(lambda conn: conn.end())
    echo_server.listen(0)

    def on_listening() -> None:
        sock = net.Socket()
        sock.unref()
        sock.ref()
        sock.connect(echo_server.address()["port"])

        def on_end() -> None:
            assert ref_count[0] == 0
            echo_server.close()

        sock.on("end", on_end)

    echo_server.on("listening", on_listening)
    run()
