"""Port of test/parallel/test-stream-events-prepend.js."""

from nodenet_uv import run, stream
from nodenet_uv.testing import common


class Writable(stream.Writable):
    def __init__(self):
        super().__init__()
        self.prependListener = None

    def _write(self, chunk, end, cb):
        cb()


class Readable(stream.Readable):
    def _read(self, n):
        self.push(None)


def test_pipe_without_prepend_listener() -> None:
    w = Writable()
    w.on("pipe", common.mustCall())
    r = Readable()
    r.pipe(w)
    run()
