"""Port of test/parallel/test-stream-readable-reading-readingMore.js."""

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import Readable
from nodenet_uv.testing import common


def _on_stream_end(state):
    def on_stream_end():
        # End of stream; state.reading is false
        # And so should be readingMore.
        assert state.readingMore is False
        assert state.reading is False

    return on_stream_end


def test_readable_mode() -> None:
    readable = Readable(read=lambda size: None)

    state = readable._readableState

    # Starting off with false initially.
    assert state.reading is False
    assert state.readingMore is False

    def on_data(data):
        # While in a flowing state with a 'readable' listener
        # we should not be reading more
        if readable.readableFlowing:
            assert state.readingMore is True

        # Reading as long as we've not ended
        assert state.reading is (not state.ended)

    readable.on("data", common.mustCall(on_data, 2))

    on_stream_end = _on_stream_end(state)

    expected_reading_more = [True, True, False]

    def on_readable():
        # There is only one readingMore scheduled from on('data'),
        # after which everything is governed by the .read() call
        assert state.readingMore is expected_reading_more.pop(0)

        # If the stream has ended, we shouldn't be reading
        assert state.ended is (not state.reading)

        # Consume all the data
        while readable.read() is not None:
            pass

        if len(expected_reading_more) == 0:  # Reached end of stream
            next_tick(common.mustCall(on_stream_end, 1))

    readable.on("readable", common.mustCall(on_readable, 3))

    readable.on("end", common.mustCall(on_stream_end))
    readable.push("pushed")

    readable.read(6)

    # reading
    assert state.reading is True
    assert state.readingMore is True

    # add chunk to front
    readable.unshift("unshifted")

    # end
    readable.push(None)
    run()


def test_flowing_mode() -> None:
    readable = Readable(read=lambda size: None)

    state = readable._readableState

    # Starting off with false initially.
    assert state.reading is False
    assert state.readingMore is False

    def on_data(data):
        # While in a flowing state without a 'readable' listener
        # we should be reading more
        if readable.readableFlowing:
            assert state.readingMore is True

        # Reading as long as we've not ended
        assert state.reading is (not state.ended)

    readable.on("data", common.mustCall(on_data, 2))

    readable.on("end", common.mustCall(_on_stream_end(state)))
    readable.push("pushed")

    # Stop emitting 'data' events
    assert state.flowing is True
    readable.pause()

    # paused
    assert state.reading is False
    assert state.flowing is False

    readable.resume()
    assert state.reading is False
    assert state.flowing is True

    # add chunk to front
    readable.unshift("unshifted")

    # end
    readable.push(None)
    run()


def test_readable_listener_removed() -> None:
    readable = Readable(read=lambda size: None)

    state = readable._readableState

    # Starting off with false initially.
    assert state.reading is False
    assert state.readingMore is False

    on_readable = common.mustNotCall()

    readable.on("readable", on_readable)

    def on_data(data):
        # Reading as long as we've not ended
        assert state.reading is (not state.ended)

    readable.on("data", common.mustCall(on_data, 2))

    readable.removeListener("readable", on_readable)

    readable.on("end", common.mustCall(_on_stream_end(state)))
    readable.push("pushed")

    # We are still not flowing, we will be resuming in the next tick
    assert state.flowing is False

    # Wait for nextTick, so the readableListener flag resets
    def later():
        readable.resume()

        # Stop emitting 'data' events
        assert state.flowing is True
        readable.pause()

        # paused
        assert state.flowing is False

        readable.resume()
        assert state.flowing is True

        # add chunk to front
        readable.unshift("unshifted")

        # end
        readable.push(None)

    next_tick(later)
    run()
