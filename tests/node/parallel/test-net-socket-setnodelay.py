"""Port of test/parallel/test-net-socket-setnodelay.js.

The JS test passes plain objects as ``handle``; here they are instances of a small class
with the same members (``setNoDelay`` and ``readStart``) whose other attributes read as
``None`` (a JS object's missing property is ``undefined``).
"""

from collections.abc import Callable
from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing import common

truthy_values: list[Any] = [True, 1, "true", {}, []]
falsey_values: list[Any] = [False, 0, ""]


def gen_set_no_delay(desired_arg: Any) -> Callable[[Any], None]:
    def set_no_delay(enable: Any) -> None:
        assert enable is desired_arg

    return set_no_delay


class FakeHandle:
    """``{ setNoDelay, readStart() {} }``: other members read as undefined, as in JS."""

    def __init__(self, set_no_delay: Any) -> None:
        self.setNoDelay = set_no_delay

    def readStart(self) -> None:
        pass

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return None


def test_set_no_delay() -> None:
    socket = net.Socket({"handle": FakeHandle(common.mustCall(gen_set_no_delay(True)))})
    socket.setNoDelay()

    socket = net.Socket({"handle": FakeHandle(common.mustCall(gen_set_no_delay(True), 1))})
    for test_val in truthy_values:
        socket.setNoDelay(test_val)

    socket = net.Socket({"handle": FakeHandle(common.mustNotCall())})
    for test_val in falsey_values:
        socket.setNoDelay(test_val)

    socket = net.Socket({"handle": FakeHandle(common.mustCall(3))})
    for test_val in truthy_values + falsey_values + truthy_values:
        socket.setNoDelay(test_val)

    # If a handler doesn't have a setNoDelay function it shouldn't be called.
    # In the case below, if it is called an exception will be thrown
    socket = net.Socket({"handle": FakeHandle(None)})
    returned = socket.setNoDelay(True)
    assert isinstance(returned, net.Socket)
    # Node runs the queued ticks (the sockets' read(0)) before the process exits.
    run()
