"""Port of test/parallel/test-stream-writable-write-cb-twice.js."""

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import Writable
from nodenet_uv.testing import common


def test_sync_sync() -> None:
    def write(buf, enc, cb):
        cb()
        cb()

    writable = Writable({"write": common.mustCall(write)})
    writable.write("hi")
    writable.on("error", common.expectsError({"code": "ERR_MULTIPLE_CALLBACK", "name": "Error"}))
    run()


def test_sync_async() -> None:
    def write(buf, enc, cb):
        cb()
        next_tick(lambda: cb())

    writable = Writable({"write": common.mustCall(write)})
    writable.write("hi")
    writable.on("error", common.expectsError({"code": "ERR_MULTIPLE_CALLBACK", "name": "Error"}))
    run()


def test_async_async() -> None:
    def write(buf, enc, cb):
        next_tick(cb)
        next_tick(lambda: cb())

    writable = Writable({"write": common.mustCall(write)})
    writable.write("hi")
    writable.on("error", common.expectsError({"code": "ERR_MULTIPLE_CALLBACK", "name": "Error"}))
    run()
