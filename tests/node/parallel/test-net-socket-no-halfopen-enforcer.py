"""Port of test/parallel/test-net-socket-no-halfopen-enforcer.js.

This test ensures that `net.Socket` does not inherit the no-half-open enforcer from
`stream.Duplex`.
"""

from nodenet_uv.net import Socket


def test_single_end_listener() -> None:
    socket = Socket({"allowHalfOpen": False})
    assert socket.listenerCount("end") == 1
