"""Port of test/parallel/test-stream-writable-final-async.js."""

from nodenet_uv import Promise, run, timers
from nodenet_uv.stream import Duplex
from nodenet_uv.testing import common


def _sleep(ms: float) -> Promise:
    # timers/promises setTimeout
    return Promise(lambda resolve, reject: timers.setTimeout(resolve, ms))


def test_final_async() -> None:
    class Foo(Duplex):
        async def _final(self, callback):
            await _sleep(common.platformTimeout(1))
            callback()

        def _read(self, n=None):
            pass

    foo = Foo()

    def _write(chunk, encoding, cb):
        cb()

    foo._write = common.mustCall(_write)
    foo.end("test", common.mustCall())
    foo.on("error", common.mustNotCall())
    run()
