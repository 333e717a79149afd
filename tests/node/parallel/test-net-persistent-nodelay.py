"""Port of test/parallel/test-net-persistent-nodelay.js (``--expose-internals``).

``internalBinding('tcp_wrap').TCP`` is ``nodenet_uv._binding.tcp_wrap.TCP``; the test
patches its ``setNoDelay`` as Node's patches ``TCPWrap.prototype.setNoDelay``.
"""

from collections.abc import Iterator
from typing import Any

import pytest

from nodenet_uv import net, run
from nodenet_uv._binding import tcp_wrap

TCPWrap = tcp_wrap.TCP


@pytest.fixture
def patched() -> Iterator[list[int]]:
    call_count = [0]
    set_no_delay = TCPWrap.setNoDelay

    def patched_set_no_delay(self: Any, enable: bool) -> int:
        r = set_no_delay(self, enable)
        call_count[0] += 1
        return r

    TCPWrap.setNoDelay = patched_set_no_delay  # type: ignore[method-assign]
    yield call_count
    TCPWrap.setNoDelay = set_no_delay  # type: ignore[method-assign]


def test_set_no_delay_before_connect_is_applied_once(patched: list[int]) -> None:
    echo_server = net.createServer(lambda connection: connection.end())
    echo_server.listen(0)

    def on_listening() -> None:
        sock1 = net.Socket()
        # setNoDelay before the handle is created
        s = sock1.setNoDelay()
        assert isinstance(s, net.Socket)
        sock1.connect(echo_server.address()["port"])

        def on_end() -> None:
            assert patched[0] == 1
            echo_server.close()

        sock1.on("end", on_end)

    echo_server.on("listening", on_listening)
    run()
