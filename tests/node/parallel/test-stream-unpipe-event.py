"""Port of test/parallel/test-stream-unpipe-event.js."""

from nodenet_uv import run
from nodenet_uv.stream import Readable, Writable
from nodenet_uv.testing import common
from nodenet_uv.timers import setImmediate


class NullWriteable(Writable):
    def _write(self, chunk, encoding, callback):
        return callback()


class QuickEndReadable(Readable):
    def _read(self, n):
        self.push(None)


class NeverEndReadable(Readable):
    def _read(self, n):
        pass


def _pipes_after_immediate(src, n):
    def check():
        assert len(src._readableState.pipes) == n

    setImmediate(check)


def test_quick_end() -> None:
    dest = NullWriteable()
    src = QuickEndReadable()
    dest.on("pipe", common.mustCall())
    dest.on("unpipe", common.mustCall())
    src.pipe(dest)
    _pipes_after_immediate(src, 0)
    run()


def test_never_end() -> None:
    dest = NullWriteable()
    src = NeverEndReadable()
    dest.on("pipe", common.mustCall())
    dest.on("unpipe", common.mustNotCall("unpipe should not have been emitted"))
    src.pipe(dest)
    _pipes_after_immediate(src, 1)
    run()


def test_never_end_unpipe() -> None:
    dest = NullWriteable()
    src = NeverEndReadable()
    dest.on("pipe", common.mustCall())
    dest.on("unpipe", common.mustCall())
    src.pipe(dest)
    src.unpipe(dest)
    _pipes_after_immediate(src, 0)
    run()


def test_quick_end_no_end() -> None:
    dest = NullWriteable()
    src = QuickEndReadable()
    dest.on("pipe", common.mustCall())
    dest.on("unpipe", common.mustCall())
    src.pipe(dest, {"end": False})
    _pipes_after_immediate(src, 0)
    run()


def test_never_end_no_end() -> None:
    dest = NullWriteable()
    src = NeverEndReadable()
    dest.on("pipe", common.mustCall())
    dest.on("unpipe", common.mustNotCall("unpipe should not have been emitted"))
    src.pipe(dest, {"end": False})
    _pipes_after_immediate(src, 1)
    run()


def test_never_end_no_end_unpipe() -> None:
    dest = NullWriteable()
    src = NeverEndReadable()
    dest.on("pipe", common.mustCall())
    dest.on("unpipe", common.mustCall())
    src.pipe(dest, {"end": False})
    src.unpipe(dest)
    _pipes_after_immediate(src, 0)
    run()
