"""Port of test/parallel/test-stream-writable-writable.js."""

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import Writable
from nodenet_uv.testing import common


def test_destroy() -> None:
    w = Writable({"write": lambda *a: None})
    assert w.writable is True
    w.destroy()
    assert w.writable is False
    run()


def test_sync_error() -> None:
    w = Writable(
        {"write": common.mustCall(lambda chunk, encoding, callback: callback(Exception()))}
    )
    assert w.writable is True
    w.write("asd")
    assert w.writable is False
    w.on("error", common.mustCall())
    run()


def test_async_error() -> None:
    def write(chunk, encoding, callback):
        def later():
            callback(Exception())
            assert w.writable is False

        next_tick(later)

    w = Writable({"write": common.mustCall(write)})
    w.write("asd")
    w.on("error", common.mustCall())
    run()


def test_end() -> None:
    w = Writable({"write": common.mustNotCall()})
    assert w.writable is True
    w.end()
    assert w.writable is False
    run()
