"""Port of test/parallel/test-stream-readable-emittedReadable.js."""

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import Readable
from nodenet_uv.testing import common
from nodenet_uv.timers import setImmediate


def test_emitted_readable() -> None:
    readable = Readable(read=lambda n: None)

    # Initialized to false.
    assert readable._readableState.emittedReadable is False

    expected = [b"foobar", b"quo", None]

    def on_readable():
        # emittedReadable should be true when the readable event is emitted
        assert readable._readableState.emittedReadable is True
        assert readable.read() == expected.pop(0)
        # emittedReadable is reset to false during read()
        assert readable._readableState.emittedReadable is False

    readable.on("readable", common.mustCall(on_readable, 3))

    # When the first readable listener is just attached,
    # emittedReadable should be false
    assert readable._readableState.emittedReadable is False

    # These trigger a single 'readable', as things are batched up
    next_tick(common.mustCall(lambda: readable.push("foo")))
    next_tick(common.mustCall(lambda: readable.push("bar")))

    # These triggers two readable events
    def imm():
        readable.push("quo")
        next_tick(common.mustCall(lambda: readable.push(None)))

    setImmediate(common.mustCall(imm))

    no_read = Readable(read=lambda n: None)

    def on_no_read_readable():
        # emittedReadable should be true when the readable event is emitted
        assert no_read._readableState.emittedReadable is True
        no_read.read(0)
        # emittedReadable is not reset during read(0)
        assert no_read._readableState.emittedReadable is True

    no_read.on("readable", common.mustCall(on_no_read_readable))

    no_read.push("foo")
    no_read.push(None)

    flowing = Readable(read=lambda n: None)

    def on_data(*_):
        # When in flowing mode, emittedReadable is always false.
        assert flowing._readableState.emittedReadable is False
        flowing.read()
        assert flowing._readableState.emittedReadable is False

    flowing.on("data", common.mustCall(on_data, 3))

    flowing.push("foooo")
    flowing.push("bar")
    flowing.push("quo")
    next_tick(common.mustCall(lambda: flowing.push(None)))
    run()
