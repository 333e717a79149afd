"""pyuv workarounds (nodenet_uv/_binding/_pyuv_compat.py), checked against the real
thing: pyuv's own timer conversion."""

from __future__ import annotations

import pyuv

from nodenet_uv._binding import _pyuv_compat as compat
from nodenet_uv._binding import loop as _loop


def _pyuv_ms(seconds: float) -> int:
    # What pyuv hands libuv: (uint64_t)(timeout * 1000), a C double truncated.
    return int(seconds * 1000)


def test_ms_to_pyuv_seconds_is_exact_for_every_integer() -> None:
    for ms in range(0, 100_001):
        assert _pyuv_ms(compat.ms_to_pyuv_seconds(ms)) == ms, ms


def test_naive_division_would_lose_a_millisecond() -> None:
    # The reason the function exists: ms / 1000 * 1000 truncates below ms for some ms.
    lost = [ms for ms in range(0, 10_001) if _pyuv_ms(ms / 1000) != ms]
    assert lost, "pyuv's conversion changed; revisit ms_to_pyuv_seconds"


def test_ms_to_pyuv_seconds_through_a_real_pyuv_timer() -> None:

    t = pyuv.Timer(_loop.loop)
    try:
        for ms in (*range(0, 5000), 65_537, 99_999, 100_000, 2**31 - 1):
            t.repeat = compat.ms_to_pyuv_seconds(ms)  # uv_timer_set_repeat(ms)
            assert round(t.repeat * 1000) == ms, ms  # uv_timer_get_repeat / 1000.0
    finally:
        t.close()
        _loop.loop.run(pyuv.UV_RUN_NOWAIT)


def test_ms_to_pyuv_seconds_fractions_and_negatives() -> None:
    assert compat.ms_to_pyuv_seconds(-5) == 0.0
    assert _pyuv_ms(compat.ms_to_pyuv_seconds(1.9)) == 1  # truncated, as Node's MathTrunc
