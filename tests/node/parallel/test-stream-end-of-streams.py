"""Port of test/parallel/test-stream-end-of-streams.js."""

import pytest

from nodenet_uv import run
from nodenet_uv.stream import Duplex, finished
from nodenet_uv.testing import common


def test_end_of_streams() -> None:
    with pytest.raises(Exception) as info:
        # Passing empty object to mock invalid stream
        # should throw error
        finished({}, lambda: None)
    common.check_error(info.value, {"code": "ERR_INVALID_ARG_TYPE"})

    stream_obj = Duplex()
    stream_obj.end()
    # Below code should not throw any errors as the
    # streamObj is `Stream`
    finished(stream_obj, lambda: None)
    run()
