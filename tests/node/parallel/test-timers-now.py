"""Port of test/parallel/test-timers-now.js (Flags: --expose-internals).

Return value of getLibuvNow() should easily fit in a SMI after start-up. We need to use
the binding as the receiver for fast API calls.
"""

from nodenet_uv._binding import timers as binding


def test_libuv_now_is_small() -> None:
    assert binding.get_libuv_now() < 0x3FFFFFF
