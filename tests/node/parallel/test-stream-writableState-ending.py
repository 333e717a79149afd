"""Port of test/parallel/test-stream-writableState-ending.js."""

from nodenet_uv import run
from nodenet_uv.stream import Writable


def test_writable_state_ending() -> None:
    writable = Writable()

    def test_states(ending, finished, ended):
        assert writable._writableState.ending is ending
        assert writable._writableState.finished is finished
        assert writable._writableState.ended is ended

    def _write(chunk, encoding, cb):
        # Ending, finished, ended start in false.
        test_states(False, False, False)
        cb()

    writable._write = _write

    # Ending, finished, ended = true.
    writable.on("finish", lambda: test_states(True, True, True))

    # Ending, finished, ended = true.
    result = writable.end("testing function end()", lambda: test_states(True, True, True))

    # End returns the writable instance
    assert result is writable

    # Ending, ended = true.
    # finished = false.
    test_states(True, False, True)
    run()
