"""Port of test/parallel/test-stream2-readable-wrap-empty.js."""

from nodenet_uv import run
from nodenet_uv.events import EventEmitter
from nodenet_uv.stream import Readable
from nodenet_uv.testing import common


def test_wrap_empty() -> None:
    old_stream = EventEmitter()
    old_stream.pause = lambda: None
    old_stream.resume = lambda: None

    new_stream = Readable().wrap(old_stream)

    new_stream.on("readable", lambda: None).on("end", common.mustCall())

    old_stream.emit("end")
    run()
