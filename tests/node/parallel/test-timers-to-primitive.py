"""Port of test/parallel/test-timers-to-primitive.js.

``+timeout`` is ``int(timeout)`` and ``${timeout}`` is ``str(timeout)``
(``timeout[Symbol.toPrimitive]()`` is ``timeout.__int__()``).
"""

import math

import pytest

from nodenet_uv import run
from nodenet_uv.testing import common
from nodenet_uv.timers import clearTimeout, setInterval, setTimeout


@pytest.mark.parametrize("make", [setTimeout, setInterval])
def test_to_primitive(make) -> None:
    timeout = make(common.mustNotCall(), 1)
    assert not math.isnan(int(timeout))
    assert int(timeout) == timeout.__int__()
    assert f"{timeout}" == str(timeout.__int__())
    assert list({str(timeout): timeout}) == [f"{timeout}"]
    clearTimeout(int(timeout))
    run()


def test_clear_by_number() -> None:
    timeout = setTimeout(common.mustNotCall(), 1)
    id_ = int(timeout)
    clearTimeout(id_)
    run()


def test_clear_by_string() -> None:
    timeout = setTimeout(common.mustNotCall(), 1)
    id_ = f"{timeout}"
    clearTimeout(id_)
    run()
