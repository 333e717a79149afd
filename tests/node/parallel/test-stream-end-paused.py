"""Port of test/parallel/test-stream-end-paused.js.

Make sure we don't miss the end event for paused 0-length streams
"""

from nodenet_uv import run
from nodenet_uv.stream import Readable
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout


def test_end_paused() -> None:
    stream = Readable()
    called_read = False

    def _read(n):
        nonlocal called_read
        assert not called_read
        called_read = True
        stream.push(None)

    stream._read = _read

    def on_data(*_):
        raise Exception("should not ever get data")

    stream.on("data", on_data)
    stream.pause()

    def later():
        stream.on("end", common.mustCall())
        stream.resume()

    setTimeout(common.mustCall(later), 1)
    run()
    assert called_read
