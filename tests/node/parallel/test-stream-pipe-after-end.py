"""Port of test/parallel/test-stream-pipe-after-end.js."""

from nodenet_uv import run
from nodenet_uv.stream import Readable, Writable
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout


class MyReadable(Readable):
    def __init__(self, opt=None):
        super().__init__(opt)
        self._ended = False

    def _read(self, n):
        if self._ended:
            self.emit("error", Exception("_read called twice"))
        self._ended = True
        self.push(None)


class MyWritable(Writable):
    def __init__(self, opt=None):
        super().__init__(opt)
        self._written = []

    def _write(self, chunk, encoding, cb):
        self._written.append(chunk)
        cb()


def test_pipe_after_end() -> None:
    # This one should not emit 'end' until we read() from it later.
    ender = MyReadable()

    # What happens when you pipe() a Readable that's already ended?
    piper = MyReadable()
    # pushes EOF null, and length=0, so this will trigger 'end'
    piper.read()

    def later():
        ender.on("end", common.mustCall())
        c = ender.read()
        assert c is None

        w = MyWritable()
        w.on("finish", common.mustCall())
        piper.pipe(w)

    setTimeout(common.mustCall(later), 1)
    run()
