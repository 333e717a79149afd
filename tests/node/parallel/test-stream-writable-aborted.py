"""Port of test/parallel/test-stream-writable-aborted.js."""

from nodenet_uv import run
from nodenet_uv.stream import Writable


def test_aborted_after_destroy() -> None:
    writable = Writable({"write": lambda *a: None})
    assert writable.writableAborted is False
    writable.destroy()
    assert writable.writableAborted is True
    run()


def test_aborted_after_end_and_destroy() -> None:
    writable = Writable({"write": lambda *a: None})
    assert writable.writableAborted is False
    writable.end()
    writable.destroy()
    assert writable.writableAborted is True
    run()
