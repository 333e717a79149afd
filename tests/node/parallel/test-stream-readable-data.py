"""Port of test/parallel/test-stream-readable-data.js."""

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import Readable
from nodenet_uv.testing import common


def test_data_after_readable_removed() -> None:
    readable = Readable(read=lambda n: None)

    def read() -> None:
        pass

    readable.setEncoding("utf8")
    readable.on("readable", read)
    readable.removeListener("readable", read)

    def later() -> None:
        readable.on("data", common.mustCall())
        readable.push("hello")

    next_tick(later)
    run()
