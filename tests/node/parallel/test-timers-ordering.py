"""Port of test/parallel/test-timers-ordering.js (Flags: --expose-internals)."""

from nodenet_uv import run
from nodenet_uv._binding import timers as binding
from nodenet_uv.timers import setTimeout


def test_timers_ordering() -> None:
    N = 30

    last_i = 0
    last_ts = 0

    def f(i):
        nonlocal last_i, last_ts
        if i <= N:
            # check order
            assert i == last_i + 1, f"order is broken: {i} != {last_i} + 1"
            last_i = i

            # Check that this iteration is fired at least 1ms later than the previous
            # We need to use the binding as the receiver for fast API calls.
            now = binding.get_libuv_now()
            assert now >= last_ts + 1, f"current ts {now} < prev ts {last_ts} + 1"
            last_ts = now

            # Schedule next iteration
            setTimeout(f, 1, i + 1)

    setTimeout(f, 1, 1)
    run()
