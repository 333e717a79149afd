"""Port of test/parallel/test-next-tick-doesnt-hang.js.

This test verifies that having a single nextTick statement and nothing else does not hang
the event loop. If this test times out it has failed.
"""

from nodenet_uv import process, run


def test_next_tick_doesnt_hang() -> None:
    process.nextTick(lambda: None)
    run()
