"""Port of test/parallel/test-event-emitter-subclass.js.

Node's old-style constructors become Python subclasses; ``MyEE2.prototype = new
EventEmitter()`` (instances sharing a prototype object's ``_events``) has no Python twin,
so the last block checks two instances of a plain subclass instead.
"""

import re

import pytest

from nodenet_uv.errors import JsError
from nodenet_uv.events import EventEmitter
from nodenet_uv.testing import common


class MyEE(EventEmitter):
    def __init__(self, cb) -> None:
        # Uses the emitter before EventEmitter's initialiser runs, as the JS does.
        self.once(1, cb)
        self.emit(1)
        self.removeAllListeners()
        EventEmitter.__init__(self)


class ErrorEE(EventEmitter):
    def __init__(self) -> None:
        self.emit("error", JsError("blerg"))


class MyEE2(EventEmitter):
    def __init__(self) -> None:
        EventEmitter.__init__(self)


def test_subclass() -> None:
    myee = MyEE(common.mustCall())

    with pytest.raises(JsError, match=re.compile("blerg")):
        ErrorEE()

    ee1 = MyEE2()
    ee2 = MyEE2()

    ee1.on("x", lambda: None)

    assert ee2.listenerCount("x") == 0

    # process.on('exit')
    assert type(myee._events) is dict
    assert list(myee._events) == []
