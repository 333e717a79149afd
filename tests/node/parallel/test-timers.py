"""Port of test/parallel/test-timers.js.

``clearInterval(this)`` uses the interval's own handle (a Python callback has no ``this``).
"""

import math

from nodenet_uv import run
from nodenet_uv.testing import common
from nodenet_uv.timers import clearInterval, setInterval, setTimeout

inputs = [
    None,  # undefined
    None,  # null: no Python twin, None again
    True,
    False,
    "",
    [],
    {},
    math.nan,
    math.inf,
    -math.inf,
    math.inf,  # (1.0 / 0.0): sanity check
    float("nan"),  # parseFloat('x')
    -10,
    -1,
    -0.5,
    -0.1,
    -0.0,
    0,
    0.0,
    0.1,
    0.5,
    1,
    1.0,
    2147483648,  # Browser behavior: timeouts > 2^31-1 run on next tick
    12345678901234,  # ditto
]


def test_timers_with_odd_durations() -> None:
    timeouts = {}
    intervals = {}
    handles = {}

    for index, value in enumerate(inputs):

        def on_timeout(index=index):
            timeouts[index] = True

        setTimeout(on_timeout, value)

        def on_interval(index=index):
            clearInterval(handles[index])  # Disarm timer or we'll never finish
            intervals[index] = True

        handles[index] = setInterval(on_interval, value)

    # All values in inputs array coerce to 1 ms. Therefore, they should all run
    # before a timer set here for 2 ms.

    def check():
        for index in range(len(inputs)):
            assert timeouts.get(index)
            assert intervals.get(index)

    setTimeout(common.mustCall(check), 2)

    # Test 10 ms timeout separately.
    setTimeout(common.mustCall(), 10)

    def on_ten():
        clearInterval(ten)

    ten = setInterval(common.mustCall(on_ten), 10)

    # Test no timeout separately
    setTimeout(common.mustCall())

    def clear_self() -> None:
        clearInterval(no_timeout)  # JS: clearInterval(this)

    no_timeout = setInterval(common.mustCall(clear_self))
    run()
