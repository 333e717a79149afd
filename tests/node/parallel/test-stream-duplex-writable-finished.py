"""Port of test/parallel/test-stream-duplex-writable-finished.js."""

from nodenet_uv import run
from nodenet_uv.stream import Duplex
from nodenet_uv.testing import common


def test_basic() -> None:
    # Find it on Duplex.prototype
    assert "writableFinished" in Duplex.__dict__


def test_event() -> None:
    duplex = Duplex()

    def _write(chunk, encoding, cb):
        # The state finished should start in false.
        assert duplex.writableFinished is False
        cb()

    duplex._write = _write

    duplex.on("finish", common.mustCall(lambda: _check(duplex.writableFinished)))

    duplex.end("testing finished state", common.mustCall(lambda: _check(duplex.writableFinished)))
    run()


def _check(v):
    assert v is True
