"""Port of test/parallel/test-stream-duplex-props.js."""

from nodenet_uv.stream import Duplex


def test_object_mode_and_hwm() -> None:
    d = Duplex({"objectMode": True, "highWaterMark": 100})

    assert d.writableObjectMode is True
    assert d.writableHighWaterMark == 100
    assert d.readableObjectMode is True
    assert d.readableHighWaterMark == 100


def test_per_side_options() -> None:
    d = Duplex(
        {
            "readableObjectMode": False,
            "readableHighWaterMark": 10,
            "writableObjectMode": True,
            "writableHighWaterMark": 100,
        }
    )

    assert d.writableObjectMode is True
    assert d.writableHighWaterMark == 100
    assert d.readableObjectMode is False
    assert d.readableHighWaterMark == 10
