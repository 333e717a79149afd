"""Port of test/parallel/test-stream-readableListening-state.js."""

from nodenet_uv import run
from nodenet_uv.stream import Readable
from nodenet_uv.testing import common


def test_readable_listening_state() -> None:
    r = Readable(read=lambda n: None)

    # readableListening state should start in `false`.
    assert r._readableState.readableListening is False

    def on_readable():
        # Inside the readable event this state should be true.
        assert r._readableState.readableListening is True

    r.on("readable", common.mustCall(on_readable))

    r.push(b"Testing readableListening state")

    r2 = Readable(read=lambda n: None)

    # readableListening state should start in `false`.
    assert r2._readableState.readableListening is False

    def on_data(chunk):
        # readableListening should be false because we don't have
        # a `readable` listener
        assert r2._readableState.readableListening is False

    r2.on("data", common.mustCall(on_data))

    r2.push(b"Testing readableListening state")
    run()
