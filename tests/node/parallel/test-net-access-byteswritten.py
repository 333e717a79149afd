"""Port of test/parallel/test-net-access-byteswritten.js.

Node reads ``bytesWritten`` off ``net.Socket.prototype`` (an object whose constructor never
ran); the Python twin is a Socket made by ``__new__`` without ``__init__``. The TLSSocket and
tty.ReadStream/WriteStream lines are dropped: nodenet_uv has no tls or tty module.
"""

from nodenet_uv import net


def test_bytes_written_getter_on_unconstructed_socket() -> None:
    # Check that the bytesWritten getter doesn't crash if object isn't constructed.
    assert net.Socket.__new__(net.Socket).bytesWritten is None
