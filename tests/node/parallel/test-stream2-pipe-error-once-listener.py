"""Port of test/parallel/test-stream2-pipe-error-once-listener.js."""

from nodenet_uv import run
from nodenet_uv.stream import Readable, Writable
from nodenet_uv.testing import common


class Read(Readable):
    def _read(self, size):
        self.push("x")
        self.push(None)


class Write(Writable):
    def _write(self, buffer, encoding, cb):
        self.emit("error", Exception("boom"))
        self.emit("alldone")


def test_pipe_error_once_listener() -> None:
    read = Read()
    write = Write()

    write.once("error", lambda *args: None)
    # (Node logs 'ok' here and 'error thrown even with listener' at exit; run()
    # raising would be that error.)
    write.once("alldone", common.mustCall(lambda *args: None))

    read.pipe(write)
    run()
