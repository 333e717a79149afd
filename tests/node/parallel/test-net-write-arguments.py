"""Port of test/parallel/test-net-write-arguments.js.

Adaptations:
* JS ``undefined`` and ``null`` are both ``None``: ``write(None)`` is the ``null`` case
  (ERR_STREAM_NULL_VALUES), so the ``undefined`` entry of the list has no Python twin.
* The expected suffixes are ``common.invalidArgTypeHelper(value)`` as node computes them.
"""

from typing import Any

import pytest

from nodenet_uv import net
from nodenet_uv.testing import common

CASES: list[tuple[Any, str]] = [
    (True, " Received type boolean (true)"),
    (False, " Received type boolean (false)"),
    (1, " Received type number (1)"),
    (1.0, " Received type number (1)"),
    (float("inf"), " Received type number (Infinity)"),
    (-float("inf"), " Received type number (-Infinity)"),
    ([], " Received an instance of Array"),
    ({}, " Received an instance of Object"),
]


def test_write_arguments() -> None:
    socket = net.Stream({"highWaterMark": 0})

    # Make sure that anything besides a buffer or a string throws.
    socket.on("error", common.mustNotCall())
    with pytest.raises(TypeError) as info:
        socket.write(None)
    common.check_error(
        info.value,
        {
            "code": "ERR_STREAM_NULL_VALUES",
            "name": "TypeError",
            "message": "May not write null values to stream",
        },
    )

    for value, helper in CASES:
        socket = net.Stream({"highWaterMark": 0})
        # We need to check the callback since 'error' will only
        # be emitted once per instance.
        with pytest.raises(TypeError) as info:
            socket.write(value)
        common.check_error(
            info.value,
            {
                "code": "ERR_INVALID_ARG_TYPE",
                "name": "TypeError",
                "message": 'The "chunk" argument must be of type string or an instance of '
                f"Buffer, TypedArray, or DataView.{helper}",
            },
        )
