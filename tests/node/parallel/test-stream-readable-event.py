"""Port of test/parallel/test-stream-readable-event.js."""

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import Readable
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout


def test_readable_listener_after_buffered_over_hwm() -> None:
    # First test, not reading when the readable is added.
    # make sure that on('readable', ...) triggers a readable event.
    r = Readable({"highWaterMark": 3})

    r._read = common.mustNotCall()

    # This triggers a 'readable' event, which is lost.
    r.push(b"blerg")

    def later():
        # We're testing what we think we are
        assert not r._readableState.reading
        r.on("readable", common.mustCall())

    setTimeout(later, 1)
    run()


def test_readable_listener_while_reading() -> None:
    # Second test, make sure that readable is re-emitted if there's
    # already a length, while it IS reading.
    r = Readable({"highWaterMark": 3})

    r._read = common.mustCall()

    # This triggers a 'readable' event, which is lost.
    r.push(b"bl")

    def later():
        # Assert we're testing what we think we are
        assert r._readableState.reading
        r.on("readable", common.mustCall())

    setTimeout(later, 1)
    run()


def test_readable_listener_after_end() -> None:
    # Third test, not reading when the stream has not passed
    # the highWaterMark but *has* reached EOF.
    r = Readable({"highWaterMark": 30})

    r._read = common.mustNotCall()

    # This triggers a 'readable' event, which is lost.
    r.push(b"blerg")
    r.push(None)

    def later():
        # Assert we're testing what we think we are
        assert not r._readableState.reading
        r.on("readable", common.mustCall())

    setTimeout(later, 1)
    run()


def test_empty_strings_are_skipped() -> None:
    # Pushing an empty string in non-objectMode should
    # trigger next `read()`.
    underlying_data = ["", "x", "y", "", "z"]
    expected = [d for d in underlying_data if d]
    result = []

    r = Readable({"encoding": "utf8"})

    def _read(n):
        def later():
            if not underlying_data:
                r.push(None)
            else:
                r.push(underlying_data.pop(0))

        next_tick(later)

    r._read = _read

    def on_readable():
        data = r.read()
        if data is not None:
            result.append(data)

    r.on("readable", on_readable)

    def on_end():
        assert result == expected

    r.on("end", common.mustCall(on_end))
    run()


def test_remove_all_listeners() -> None:
    # #20923
    r = Readable()
    r._read = lambda n: None  # Actually doing thing here

    r.on("data", lambda *a: None)

    r.removeAllListeners()

    assert len(r.eventNames()) == 0
    run()
