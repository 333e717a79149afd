"""Port of test/parallel/test-event-emitter-max-listeners.js.

``EventEmitter.setMaxListeners(n, ...targets)`` (the static) is ``events.setMaxListeners``
here: in Python ``EventEmitter.setMaxListeners`` is the instance method.
"""

import math

import pytest

from nodenet_uv import events
from nodenet_uv.testing import common


def test_max_listeners() -> None:
    e = events.EventEmitter()

    e.on("maxListeners", common.mustCall())

    # Should not corrupt the 'maxListeners' queue.
    e.setMaxListeners(42)

    rangeErrorObjs = [math.nan, -1]
    typeErrorObj = "and even this"

    for obj in rangeErrorObjs:
        with pytest.raises(ValueError) as info:
            e.setMaxListeners(obj)
        common.check_error(info.value, {"code": "ERR_OUT_OF_RANGE", "name": "RangeError"})

        with pytest.raises(ValueError) as info:
            events.defaultMaxListeners = obj
        common.check_error(info.value, {"code": "ERR_OUT_OF_RANGE", "name": "RangeError"})

    with pytest.raises(TypeError) as info:
        e.setMaxListeners(typeErrorObj)
    common.check_error(info.value, {"code": "ERR_INVALID_ARG_TYPE", "name": "TypeError"})

    with pytest.raises(TypeError) as info:
        events.defaultMaxListeners = typeErrorObj
    common.check_error(info.value, {"code": "ERR_INVALID_ARG_TYPE", "name": "TypeError"})

    e.emit("maxListeners")


def test_static_set_max_listeners() -> None:
    defaultMaxListeners = events.defaultMaxListeners
    for obj in [math.nan, -1]:
        with pytest.raises(ValueError) as info:
            events.setMaxListeners(obj)
        common.check_error(info.value, {"code": "ERR_OUT_OF_RANGE"})

    with pytest.raises(TypeError) as info:
        events.setMaxListeners("and even this")
    common.check_error(info.value, {"code": "ERR_INVALID_ARG_TYPE"})

    with pytest.raises(TypeError) as info:
        events.setMaxListeners(defaultMaxListeners, "INVALID_EMITTER")
    common.check_error(info.value, {"code": "ERR_INVALID_ARG_TYPE"})
