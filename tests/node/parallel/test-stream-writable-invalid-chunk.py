"""Port of test/parallel/test-stream-writable-invalid-chunk.js.

JS ``undefined`` has no Python twin for a chunk: ``None`` is JS ``null`` here (see
Writable.write), so the two ``undefined`` cases are not ported.
"""

import pytest

from nodenet_uv.stream import Writable
from nodenet_uv.testing import common


def _test_write_type(val, object_mode, code=None):
    writable = Writable({"objectMode": object_mode, "write": lambda *a: None})
    writable.on("error", common.mustNotCall())
    if code:
        with pytest.raises(Exception) as info:
            writable.write(val)
        common.check_error(info.value, {"code": code})
    else:
        writable.write(val)


def test_invalid_chunks() -> None:
    _test_write_type([], False, "ERR_INVALID_ARG_TYPE")
    _test_write_type({}, False, "ERR_INVALID_ARG_TYPE")
    _test_write_type(0, False, "ERR_INVALID_ARG_TYPE")
    _test_write_type(True, False, "ERR_INVALID_ARG_TYPE")
    _test_write_type(0.0, False, "ERR_INVALID_ARG_TYPE")
    _test_write_type(None, False, "ERR_STREAM_NULL_VALUES")

    _test_write_type([], True)
    _test_write_type({}, True)
    _test_write_type(0, True)
    _test_write_type(True, True)
    _test_write_type(0.0, True)
    _test_write_type(None, True, "ERR_STREAM_NULL_VALUES")
