"""Port of test/parallel/test-stream2-finish-pipe-error.js."""

from nodenet_uv import run
from nodenet_uv.process import process
from nodenet_uv.stream import Readable, Writable
from nodenet_uv.testing import common


def test_finish_pipe_error() -> None:
    process.on("uncaughtException", common.mustCall())

    r = Readable()
    r._read = lambda size: r.push(bytes(size))

    w = Writable()
    w._write = lambda data, encoding, cb: cb(None)

    r.pipe(w)

    # end() after pipe should cause unhandled exception
    w.end()
    run()
