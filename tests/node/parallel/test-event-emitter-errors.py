"""Port of test/parallel/test-event-emitter-errors.js.

``util.inspect.custom`` is ``__node_inspect__`` here (nodenet_uv._internal.inspect).
"""

import pytest

from nodenet_uv.events import EventEmitter
from nodenet_uv.testing import common

EE = EventEmitter()


def test_string() -> None:
    with pytest.raises(Exception) as info:
        EE.emit("error", "Accepts a string")
    common.check_error(
        info.value,
        {
            "code": "ERR_UNHANDLED_ERROR",
            "name": "Error",
            "message": "Unhandled error. ('Accepts a string')",
        },
    )


def test_object() -> None:
    with pytest.raises(Exception) as info:
        EE.emit("error", {"message": "Error!"})
    common.check_error(
        info.value,
        {
            "code": "ERR_UNHANDLED_ERROR",
            "name": "Error",
            "message": "Unhandled error. ({ message: 'Error!' })",
        },
    )


def test_object_whose_inspect_throws() -> None:
    class Obj:
        def __init__(self) -> None:
            self.message = "Error!"

        def __node_inspect__(self, *args):  # [util.inspect.custom]() { throw new Error(); }
            raise Exception()

    with pytest.raises(Exception) as info:
        EE.emit("error", Obj())
    common.check_error(
        info.value,
        {
            "code": "ERR_UNHANDLED_ERROR",
            "name": "Error",
            "message": "Unhandled error. ([object Object])",
        },
    )
