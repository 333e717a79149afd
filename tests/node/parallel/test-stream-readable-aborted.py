"""Port of test/parallel/test-stream-readable-aborted.js."""

from nodenet_uv import run
from nodenet_uv._internal.task_queues import queue_microtask
from nodenet_uv.stream import Duplex, Readable
from nodenet_uv.testing import common


def test_destroy() -> None:
    readable = Readable(read=lambda n: None)
    assert readable.readableAborted is False
    readable.destroy()
    assert readable.readableAborted is True
    run()


def test_push_null_then_destroy() -> None:
    readable = Readable(read=lambda n: None)
    assert readable.readableAborted is False
    readable.push(None)
    readable.destroy()
    assert readable.readableAborted is True
    run()


def test_push_data_then_destroy() -> None:
    readable = Readable(read=lambda n: None)
    assert readable.readableAborted is False
    readable.push("asd")
    readable.destroy()
    assert readable.readableAborted is True
    run()


def test_not_aborted_after_end() -> None:
    readable = Readable(read=lambda n: None)
    assert readable.readableAborted is False
    readable.push("asd")
    readable.push(None)
    assert readable.readableAborted is False

    def on_end():
        assert readable.readableAborted is False
        readable.destroy()
        assert readable.readableAborted is False

        def check():
            assert readable.readableAborted is False

        queue_microtask(check)

    readable.on("end", common.mustCall(on_end))
    readable.resume()
    run()


def test_duplex_without_readable_side() -> None:
    duplex = Duplex(readable=False, write=lambda *a: None)
    duplex.destroy()
    assert duplex.readableAborted is False
    run()
