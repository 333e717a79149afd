"""Port of test/parallel/test-stream-duplex-readable-writable.js."""

from nodenet_uv import run
from nodenet_uv._internal.promise import spawn
from nodenet_uv.stream import Duplex
from nodenet_uv.testing import common


def test_readable_false_push() -> None:
    duplex = Duplex({"readable": False})
    assert duplex.readable is False
    duplex.push("asd")

    def on_error(err):
        assert err.code == "ERR_STREAM_PUSH_AFTER_EOF"

    duplex.on("error", common.mustCall(on_error))
    duplex.on("data", common.mustNotCall())
    duplex.on("end", common.mustNotCall())
    run()


def test_writable_false_write() -> None:
    duplex = Duplex({"writable": False, "write": common.mustNotCall()})
    assert duplex.writable is False
    duplex.write("asd")

    def on_error(err):
        assert err.code == "ERR_STREAM_WRITE_AFTER_END"

    duplex.on("error", common.mustCall(on_error))
    duplex.on("finish", common.mustNotCall())
    run()


def test_readable_false_async_iterator() -> None:
    duplex = Duplex({"readable": False})
    assert duplex.readable is False
    duplex.on("data", common.mustNotCall())
    duplex.on("end", common.mustNotCall())

    async def main():
        async for chunk in duplex:
            raise AssertionError(chunk)

    spawn(main()).then(common.mustCall())
    run()
