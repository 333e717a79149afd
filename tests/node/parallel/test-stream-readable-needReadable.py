"""Port of test/parallel/test-stream-readable-needReadable.js."""

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import Readable
from nodenet_uv.testing import common
from nodenet_uv.timers import setImmediate


def test_need_readable() -> None:
    readable = Readable(read=lambda n: None)

    # Initialized to false.
    assert readable._readableState.needReadable is False

    def on_readable():
        # When the readable event fires, needReadable is reset.
        assert readable._readableState.needReadable is False
        readable.read()

    readable.on("readable", common.mustCall(on_readable))

    # If a readable listener is attached, then a readable event is needed.
    assert readable._readableState.needReadable is True

    readable.push("foo")
    readable.push(None)

    def on_end():
        # No need to emit readable anymore when the stream ends.
        assert readable._readableState.needReadable is False

    readable.on("end", common.mustCall(on_end))

    async_readable = Readable(read=lambda n: None)

    def on_async_readable():
        if async_readable.read() is not None:
            # After each read(), the buffer is empty.
            # If the stream doesn't end now,
            # then we need to notify the reader on future changes.
            assert async_readable._readableState.needReadable is True

    async_readable.on("readable", common.mustCall(on_async_readable, 2))

    next_tick(common.mustCall(lambda: async_readable.push("foooo")))
    next_tick(common.mustCall(lambda: async_readable.push("bar")))

    def imm():
        async_readable.push(None)
        assert async_readable._readableState.needReadable is False

    setImmediate(common.mustCall(imm))

    flowing = Readable(read=lambda n: None)

    # Notice this must be above the on('data') call.
    flowing.push("foooo")
    flowing.push("bar")
    flowing.push("quo")
    next_tick(common.mustCall(lambda: flowing.push(None)))

    # When the buffer already has enough data, and the stream is
    # in flowing mode, there is no need for the readable event.
    def on_data(data):
        assert flowing._readableState.needReadable is False

    flowing.on("data", common.mustCall(on_data, 3))

    slow_producer = Readable(read=lambda n: None)

    def on_slow_readable():
        chunk = slow_producer.read(8)
        state = slow_producer._readableState
        if chunk is None:
            # The buffer doesn't have enough data, and the stream is not need,
            # we need to notify the reader when data arrives.
            assert state.needReadable is True
        else:
            assert state.needReadable is False

    slow_producer.on("readable", common.mustCall(on_slow_readable, 4))

    def p1():
        slow_producer.push("foo")

        def p2():
            slow_producer.push("foo")

            def p3():
                slow_producer.push("foo")
                next_tick(common.mustCall(lambda: slow_producer.push(None)))

            next_tick(common.mustCall(p3))

        next_tick(common.mustCall(p2))

    next_tick(common.mustCall(p1))
    run()
