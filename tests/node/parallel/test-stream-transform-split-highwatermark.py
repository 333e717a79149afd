"""Port of test/parallel/test-stream-transform-split-highwatermark.js."""

import math

import pytest

from nodenet_uv.stream import Readable, Transform, Writable, getDefaultHighWaterMark
from nodenet_uv.testing import common

DEFAULT = getDefaultHighWaterMark(False)


def _test_transform(expected_readable_hwm, expected_writable_hwm, options):
    t = Transform(options)
    assert t._readableState.highWaterMark == expected_readable_hwm
    assert t._writableState.highWaterMark == expected_writable_hwm


def test_override_default_hwm() -> None:
    _test_transform(666, DEFAULT, {"readableHighWaterMark": 666})
    _test_transform(DEFAULT, 777, {"writableHighWaterMark": 777})
    _test_transform(666, 777, {"readableHighWaterMark": 666, "writableHighWaterMark": 777})


def test_high_water_mark_overriding() -> None:
    _test_transform(555, 555, {"highWaterMark": 555, "readableHighWaterMark": 666})
    _test_transform(555, 555, {"highWaterMark": 555, "writableHighWaterMark": 777})
    _test_transform(
        555,
        555,
        {"highWaterMark": 555, "readableHighWaterMark": 666, "writableHighWaterMark": 777},
    )


def test_undefined_null() -> None:
    # JS undefined and null are both None here.
    v = None
    _test_transform(DEFAULT, DEFAULT, {"readableHighWaterMark": v})
    _test_transform(DEFAULT, DEFAULT, {"writableHighWaterMark": v})
    _test_transform(666, DEFAULT, {"highWaterMark": v, "readableHighWaterMark": 666})
    _test_transform(DEFAULT, 777, {"highWaterMark": v, "writableHighWaterMark": 777})


def test_nan() -> None:
    with pytest.raises(Exception) as info:
        Transform({"readableHighWaterMark": math.nan})
    common.check_error(
        info.value,
        {
            "name": "TypeError",
            "code": "ERR_INVALID_ARG_VALUE",
            "message": "The property 'options.readableHighWaterMark' is invalid. Received NaN",
        },
    )

    with pytest.raises(Exception) as info:
        Transform({"writableHighWaterMark": math.nan})
    common.check_error(
        info.value,
        {
            "name": "TypeError",
            "code": "ERR_INVALID_ARG_VALUE",
            "message": "The property 'options.writableHighWaterMark' is invalid. Received NaN",
        },
    )


def test_non_duplex_ignore_options() -> None:
    # Test non Duplex streams ignore the options
    r = Readable({"readableHighWaterMark": 666})
    assert r._readableState.highWaterMark == DEFAULT
    w = Writable({"writableHighWaterMark": 777})
    assert w._writableState.highWaterMark == DEFAULT
