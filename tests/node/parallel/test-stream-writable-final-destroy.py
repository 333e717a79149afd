"""Port of test/parallel/test-stream-writable-final-destroy.js."""

from nodenet_uv import run
from nodenet_uv._internal.task_queues import queue_microtask
from nodenet_uv.stream import Writable
from nodenet_uv.testing import common


def test_final_destroy() -> None:
    def write(chunk, encoding, callback):
        callback(None)

    def final(callback):
        queue_microtask(callback)

    w = Writable({"write": write, "final": final})
    w.end()
    w.destroy()

    w.on("prefinish", common.mustNotCall())
    w.on("finish", common.mustNotCall())
    w.on("close", common.mustCall())
    run()
