"""Port of test/parallel/test-event-emitter-emit-context.js."""

import types

import pytest

from nodenet_uv.errors import JsError
from nodenet_uv.events import EventEmitter
from nodenet_uv.testing import common

# Test emit called by other context
EE = EventEmitter()


def test_context_without_constructor_name() -> None:
    # Works as expected if the context has no `constructor.name`
    ctx = object()  # JS: { __proto__: null }
    with pytest.raises(Exception) as info:
        EventEmitter.emit(ctx, "error", JsError("foo"))  # EE.emit.call(ctx, ...)
    common.check_error(info.value, {"name": "Error", "message": "foo"})


def test_plain_object_context() -> None:
    assert EventEmitter.emit(types.SimpleNamespace(), "foo") is False
