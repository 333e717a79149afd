"""Port of test/parallel/test-stream-destroy-event-order.js."""

from nodenet_uv import run
from nodenet_uv.stream import Readable
from nodenet_uv.testing import common


def test_destroy_event_order() -> None:
    rs = Readable({"read": lambda n: None})

    closed = False
    errored = False

    def on_close():
        nonlocal closed
        closed = True
        assert errored

    def on_error(err):
        nonlocal errored
        errored = True
        assert not closed

    rs.on("close", common.mustCall(on_close))
    rs.on("error", common.mustCall(on_error))

    rs.destroy(Exception("kaboom"))
    run()
