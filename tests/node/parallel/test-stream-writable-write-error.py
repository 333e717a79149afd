"""Port of test/parallel/test-stream-writable-write-error.js."""

import pytest

from nodenet_uv import run
from nodenet_uv.stream import Writable
from nodenet_uv.testing import common


def expect_error(w, args, code, sync=False):
    if sync:
        if code:
            with pytest.raises(Exception) as info:
                w.write(*args)
            common.check_error(info.value, {"code": code})
        else:
            w.write(*args)
    else:
        error_called = False
        ticked = False

        def cb(err):
            assert ticked is True
            assert error_called is False
            assert err.code == code

        w.write(*args, common.mustCall(cb))
        ticked = True

        def on_error(err):
            nonlocal error_called
            error_called = True
            assert err.code == code

        w.on("error", common.mustCall(on_error))


def _test(auto_destroy):
    w = Writable({"autoDestroy": auto_destroy, "_write": lambda *a: None})
    w.end()
    expect_error(w, ["asd"], "ERR_STREAM_WRITE_AFTER_END")

    w = Writable({"autoDestroy": auto_destroy, "_write": lambda *a: None})
    w.destroy()

    w = Writable({"autoDestroy": auto_destroy, "_write": lambda *a: None})
    expect_error(w, [None], "ERR_STREAM_NULL_VALUES", True)

    w = Writable({"autoDestroy": auto_destroy, "_write": lambda *a: None})
    expect_error(w, [{}], "ERR_INVALID_ARG_TYPE", True)

    w = Writable({"decodeStrings": False, "autoDestroy": auto_destroy, "_write": lambda *a: None})
    expect_error(w, ["asd", "noencoding"], "ERR_UNKNOWN_ENCODING", True)


def test_without_auto_destroy() -> None:
    _test(False)
    run()


def test_with_auto_destroy() -> None:
    _test(True)
    run()
