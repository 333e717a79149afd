"""Port of test/parallel/test-event-emitter-prepend.js."""

import pytest

from nodenet_uv import stream
from nodenet_uv.events import EventEmitter
from nodenet_uv.testing import common


def test_prepend_order() -> None:
    myEE = EventEmitter()
    m = 0

    def last():
        assert m == 2

    def second():
        nonlocal m
        assert m == 1
        m += 1

    def first():
        nonlocal m
        assert m == 0
        m += 1

    # This one comes last.
    myEE.on("foo", common.mustCall(last))

    # This one comes second.
    myEE.prependListener("foo", common.mustCall(second))

    # This one comes first.
    myEE.prependOnceListener("foo", common.mustCall(first))

    myEE.emit("foo")


def test_fallback_if_prepend_listener_is_undefined(monkeypatch: pytest.MonkeyPatch) -> None:
    # Test fallback if prependListener is undefined.
    monkeypatch.delattr(EventEmitter, "prependListener")

    class Writable(stream.Stream):
        def __init__(self) -> None:
            self.writable = True
            stream.Stream.__init__(self)

    class Readable(stream.Stream):
        def __init__(self) -> None:
            self.readable = True
            stream.Stream.__init__(self)

    w = Writable()
    r = Readable()
    r.pipe(w)
