"""Port of test/parallel/test-stream-writable-properties.js."""

from nodenet_uv.stream import Writable


def test_writable_corked() -> None:
    w = Writable()
    assert w.writableCorked == 0
    w.uncork()
    assert w.writableCorked == 0
    w.cork()
    assert w.writableCorked == 1
    w.cork()
    assert w.writableCorked == 2
    w.uncork()
    assert w.writableCorked == 1
    w.uncork()
    assert w.writableCorked == 0
    w.uncork()
    assert w.writableCorked == 0
