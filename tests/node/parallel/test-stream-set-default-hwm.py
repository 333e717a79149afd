"""Port of test/parallel/test-stream-set-default-hwm.js."""

from collections.abc import Iterator

import pytest

from nodenet_uv.stream import (
    Readable,
    Transform,
    Writable,
    getDefaultHighWaterMark,
    setDefaultHighWaterMark,
)


@pytest.fixture
def _restore_default_hwm() -> Iterator[None]:
    # Node runs this in its own process; here the process-wide defaults are put back.
    saved = (getDefaultHighWaterMark(False), getDefaultHighWaterMark(True))
    yield
    setDefaultHighWaterMark(False, saved[0])
    setDefaultHighWaterMark(True, saved[1])


@pytest.mark.usefixtures("_restore_default_hwm")
def test_set_default_hwm() -> None:
    assert getDefaultHighWaterMark(False) != 32 * 1000
    setDefaultHighWaterMark(False, 32 * 1000)
    assert getDefaultHighWaterMark(False) == 32 * 1000

    assert getDefaultHighWaterMark(True) != 32
    setDefaultHighWaterMark(True, 32)
    assert getDefaultHighWaterMark(True) == 32

    w = Writable({"write": lambda *args: None})
    assert w.writableHighWaterMark == 32 * 1000

    r = Readable({"read": lambda n: None})
    assert r.readableHighWaterMark == 32 * 1000

    t = Transform({"transform": lambda *args: None})
    assert t.writableHighWaterMark == 32 * 1000
    assert t.readableHighWaterMark == 32 * 1000
