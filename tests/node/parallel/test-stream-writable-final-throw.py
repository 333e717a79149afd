"""Port of test/parallel/test-stream-writable-final-throw.js."""

from nodenet_uv import run
from nodenet_uv.stream import Duplex
from nodenet_uv.testing import common


def test_final_throw() -> None:
    class Foo(Duplex):
        def _final(self, callback):
            raise Exception("fhqwhgads")

        def _read(self, n=None):
            pass

    foo = Foo()

    def _write(chunk, encoding, cb):
        cb()

    foo._write = common.mustCall(_write)
    foo.end("test", common.expectsError({"message": "fhqwhgads"}))
    foo.on("error", common.mustCall())
    run()
