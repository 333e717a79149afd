"""Port of test/parallel/test-stream-catch-rejections.js."""

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import Readable, Writable
from nodenet_uv.testing import common


def test_readable_capture_rejections() -> None:
    r = Readable({"captureRejections": True, "read": lambda n: None})
    r.push("hello")
    r.push("world")

    err = Exception("kaboom")

    def on_error(_err):
        assert err is _err
        assert r.destroyed is True

    r.on("error", common.mustCall(on_error))

    async def on_data(*args):
        raise err

    r.on("data", on_data)
    run()


def test_writable_capture_rejections() -> None:
    w = Writable(
        {
            "captureRejections": True,
            "highWaterMark": 1,
            "write": lambda chunk, enc, cb: next_tick(cb),
        }
    )

    err = Exception("kaboom")

    w.write("hello", lambda *args: w.write("world"))

    def on_error(_err):
        assert err is _err
        assert w.destroyed is True

    w.on("error", common.mustCall(on_error))

    async def on_drain():
        raise err

    w.on("drain", common.mustCall(on_drain, 2))
    run()
