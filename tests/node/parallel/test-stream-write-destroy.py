"""Port of test/parallel/test-stream-write-destroy.js."""

# Test interaction between calling .destroy() on a writable and pending
# writes.

import pytest

from nodenet_uv import run
from nodenet_uv.stream import Writable


@pytest.mark.parametrize("with_pending_data", [False, True])
@pytest.mark.parametrize("use_end", [False, True])
def test_write_destroy(with_pending_data: bool, use_end: bool) -> None:
    callbacks = []

    w = Writable(
        {
            "write": lambda data, enc, cb: callbacks.append(cb),
            # Effectively disable the HWM to observe 'drain' events more easily.
            "highWaterMark": 1,
        }
    )

    chunks_written = 0
    drains = 0

    def on_drain():
        nonlocal drains
        drains += 1

    w.on("drain", on_drain)

    def on_write(err=None):
        nonlocal chunks_written
        if err:
            assert w.destroyed is True
            assert err.code == "ERR_STREAM_DESTROYED"
        else:
            chunks_written += 1

    w.write("abc", on_write)
    assert chunks_written == 0
    assert drains == 0
    callbacks.pop(0)()
    assert chunks_written == 1
    assert drains == 1

    if with_pending_data:
        # Test 2 cases: There either is or is not data still in the write queue.
        # (The second write will never actually get executed either way.)
        w.write("def", on_write)
    if use_end:
        # Again, test 2 cases: Either we indicate that we want to end the
        # writable or not.
        w.end("ghi", on_write)
    else:
        w.write("ghi", on_write)

    assert chunks_written == 1
    w.destroy()
    assert chunks_written == 1
    callbacks.pop(0)()
    assert chunks_written == (1 if use_end and not with_pending_data else 2)
    assert len(callbacks) == 0
    assert drains == 1
    run()
