"""Port of test/parallel/test-stream-duplex-end.js."""

from nodenet_uv import run
from nodenet_uv.stream import Duplex
from nodenet_uv.testing import common


def test_allow_half_open_default() -> None:
    stream = Duplex({"read": lambda n: None})
    assert stream.allowHalfOpen is True
    stream.on("finish", common.mustNotCall())
    assert stream.listenerCount("end") == 0
    stream.resume()
    stream.push(None)
    run()


def test_no_half_open() -> None:
    stream = Duplex({"read": lambda n: None, "allowHalfOpen": False})
    assert stream.allowHalfOpen is False
    stream.on("finish", common.mustCall())
    assert stream.listenerCount("end") == 0
    stream.resume()
    stream.push(None)
    run()


def test_no_half_open_already_ended() -> None:
    stream = Duplex({"read": lambda n: None, "allowHalfOpen": False})
    assert stream.allowHalfOpen is False
    stream._writableState.ended = True
    stream.on("finish", common.mustNotCall())
    assert stream.listenerCount("end") == 0
    stream.resume()
    stream.push(None)
    run()
