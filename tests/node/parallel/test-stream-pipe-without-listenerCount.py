"""Port of test/parallel/test-stream-pipe-without-listenerCount.js."""

from nodenet_uv.stream import Stream
from nodenet_uv.testing import common


def test_pipe_without_listener_count() -> None:
    r = Stream()
    r.listenerCount = None

    w = Stream()
    w.listenerCount = None

    def on_pipe(*args):
        r.emit("error", Exception("Readable Error"))
        w.emit("error", Exception("Writable Error"))

    w.on("pipe", on_pipe)
    r.on("error", common.mustCall())
    w.on("error", common.mustCall())
    r.pipe(w)
