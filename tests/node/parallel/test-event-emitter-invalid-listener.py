"""Port of test/parallel/test-event-emitter-invalid-listener.js.

JS ``null`` has no Python twin: ``None`` is ``undefined`` (docs/python-rules.md), so the
message ends in "Received undefined" where Node's says "Received null".
"""

import pytest

from nodenet_uv.events import EventEmitter
from nodenet_uv.testing import common

eventsMethods = ["on", "once", "removeListener", "prependOnceListener"]


@pytest.mark.parametrize("method", eventsMethods)
def test_listener_must_be_a_function(method: str) -> None:
    # Verify that the listener must be a function for events methods
    ee = EventEmitter()
    with pytest.raises(TypeError) as info:
        getattr(ee, method)("foo", None)
    common.check_error(
        info.value,
        {
            "code": "ERR_INVALID_ARG_TYPE",
            "name": "TypeError",
            "message": 'The "listener" argument must be of type function. Received undefined',
        },
    )
