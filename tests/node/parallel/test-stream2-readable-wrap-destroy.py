"""Port of test/parallel/test-stream2-readable-wrap-destroy.js."""

from nodenet_uv import run
from nodenet_uv.events import EventEmitter
from nodenet_uv.stream import Readable
from nodenet_uv.testing import common


def _old_stream():
    old_stream = EventEmitter()
    old_stream.pause = lambda: None
    old_stream.resume = lambda: None
    return old_stream


def test_destroy_event() -> None:
    old_stream = _old_stream()
    Readable(autoDestroy=False, destroy=common.mustCall()).wrap(old_stream)
    old_stream.emit("destroy")
    run()


def test_close_event() -> None:
    old_stream = _old_stream()
    Readable(autoDestroy=False, destroy=common.mustCall()).wrap(old_stream)
    old_stream.emit("close")
    run()
