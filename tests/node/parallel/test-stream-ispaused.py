"""Port of test/parallel/test-stream-ispaused.js."""

from nodenet_uv import run
from nodenet_uv.stream import Readable


def test_is_paused() -> None:
    readable = Readable()

    # _read is a noop, here.
    readable._read = lambda n: None

    # Default state of a stream is not "paused"
    assert not readable.isPaused()

    # Make the stream start flowing...
    readable.on("data", lambda *a: None)

    # still not paused.
    assert not readable.isPaused()

    readable.pause()
    assert readable.isPaused()
    readable.resume()
    assert not readable.isPaused()
    run()
