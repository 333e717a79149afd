"""Port of test/parallel/test-stream-readable-readable.js."""

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import Readable
from nodenet_uv.testing import common


def test_destroy_makes_unreadable() -> None:
    r = Readable(read=lambda n: None)
    assert r.readable is True
    r.destroy()
    assert r.readable is False
    run()


def test_readable_until_end() -> None:
    must_not_call = common.mustNotCall()
    r = Readable(read=lambda n: None)
    assert r.readable is True
    r.on("end", must_not_call)
    r.resume()
    r.push(None)
    assert r.readable is True
    r.off("end", must_not_call)
    r.on("end", common.mustCall(lambda: _eq(r.readable, False)))
    run()


def test_destroy_with_error() -> None:
    def later():
        r.destroy(Exception())
        assert r.readable is False

    r = Readable(read=common.mustCall(lambda n: next_tick(later)))
    r.resume()
    r.on("error", common.mustCall(lambda *a: _eq(r.readable, False)))
    run()


def _eq(a, b):
    assert a is b
