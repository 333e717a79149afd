"""Port of test/parallel/test-stream-pipeline-listeners.js."""

from nodenet_uv import run
from nodenet_uv.process import process
from nodenet_uv.stream import Duplex, PassThrough, Writable, pipeline
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout


def if_error(err):
    if err:
        raise err


def test_pipeline_listeners() -> None:
    def on_uncaught(err):
        assert str(err) == "no way"

    process.on("uncaughtException", common.mustCall(on_uncaught, 2))

    # Ensure that listeners is removed if last stream is readable
    # And other stream's listeners unchanged
    a = PassThrough()
    a.end("foobar")
    b = Duplex({"write": lambda chunk, encoding, callback: callback()})

    def done_ab(error):
        if error:
            if_error(error)

        assert a.listenerCount("error") > 0
        assert b.listenerCount("error") == 0

        def later():
            assert b.listenerCount("error") == 0
            b.destroy(Exception("no way"))

        setTimeout(later, 100)

    pipeline(a, b, common.mustCall(done_ab))

    # Async generators
    c = PassThrough()
    c.end("foobar")

    async def upper(source):
        async for chunk in source:
            yield chunk.decode().upper()

    def done_cd(error):
        if error:
            if_error(error)

        assert c.listenerCount("error") > 0
        assert d.listenerCount("error") == 0

        def later():
            assert b.listenerCount("error") == 0
            d.destroy(Exception("no way"))

        setTimeout(later, 100)

    d = pipeline(c, upper, common.mustCall(done_cd))

    # If last stream is not readable, will not throw and remove listeners
    e = PassThrough()
    e.end("foobar")
    f = Writable({"write": lambda chunk, encoding, callback: callback()})

    def done_ef(error):
        if error:
            if_error(error)

        assert e.listenerCount("error") > 0
        assert f.listenerCount("error") > 0

        def later():
            assert f.listenerCount("error") > 0
            f.destroy(Exception("no way"))

        setTimeout(later, 100)

    pipeline(e, f, common.mustCall(done_ef))
    run()
