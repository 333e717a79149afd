"""Port of test/parallel/test-stream-add-abort-signal.js."""

import pytest

from nodenet_uv.abort_controller import AbortController
from nodenet_uv.stream import Readable, addAbortSignal
from nodenet_uv.stream.add_abort_signal import addAbortSignalNoValidate


def test_validation() -> None:
    # Node matches /ERR_INVALID_ARG_TYPE/ against the error's string form; str() here is
    # only the message, so the code is checked.
    with pytest.raises(TypeError) as info:
        addAbortSignal("INVALID_SIGNAL")
    assert info.value.code == "ERR_INVALID_ARG_TYPE"

    ac = AbortController()
    with pytest.raises(TypeError) as info:
        addAbortSignal(ac.signal, "INVALID_STREAM")
    assert info.value.code == "ERR_INVALID_ARG_TYPE"


def test_no_validate() -> None:
    # (Node reaches addAbortSignalNoValidate through --expose-internals.)
    r = Readable({"read": lambda n: None})
    assert addAbortSignalNoValidate("INVALID_SIGNAL", r) is r
