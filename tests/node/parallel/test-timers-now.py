"""Port of test/parallel/test-timers-now.js (Flags: --expose-internals --allow-natives-syntax).

Return value of getLibuvNow() should easily fit in a SMI after start-up. We need to use
the binding as the receiver for fast API calls. The second block calls getLibuvNow through
a V8-optimized JS wrapper (``%OptimizeFunctionOnNextCall``) and, on a debug build, counts V8
fast API calls: there is no V8 here, so only its assertion on the value is kept.
"""

from nodenet_uv._binding import timers as binding


def test_libuv_now_is_small() -> None:
    assert binding.get_libuv_now() < 0x3FFFFFF


def test_libuv_now_through_a_wrapper() -> None:
    def get_libuv_now() -> int:
        return binding.get_libuv_now()

    get_libuv_now()
    assert get_libuv_now() < 0x3FFFFFF
