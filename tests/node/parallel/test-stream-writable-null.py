"""Port of test/parallel/test-stream-writable-null.js."""

import pytest

from nodenet_uv import run
from nodenet_uv.stream import Writable
from nodenet_uv.testing import common


def if_error(err=None):
    if err is not None:
        raise err


class MyWritable(Writable):
    def __init__(self, options=None):
        super().__init__({"autoDestroy": False, **(options or {})})

    def _write(self, chunk, encoding, callback):
        assert chunk is not None
        callback()


def test_null_object_mode() -> None:
    m = MyWritable({"objectMode": True})
    m.on("error", common.mustNotCall())
    with pytest.raises(Exception) as info:
        m.write(None)
    common.check_error(info.value, {"code": "ERR_STREAM_NULL_VALUES"})


def test_false_bytes_mode() -> None:
    m = MyWritable()
    m.on("error", common.mustNotCall())
    with pytest.raises(Exception) as info:
        m.write(False)
    common.check_error(info.value, {"code": "ERR_INVALID_ARG_TYPE"})


def test_false_object_mode() -> None:
    # Should not throw.
    m = MyWritable({"objectMode": True})
    m.write(False, if_error)
    run()


def test_false_object_mode_error_listener() -> None:
    # Should not throw.
    m = MyWritable({"objectMode": True}).on(
        "error", lambda e: if_error(e or Exception("should not get here"))
    )
    m.write(False, if_error)
    run()
