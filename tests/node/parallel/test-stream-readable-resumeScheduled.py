"""Port of test/parallel/test-stream-readable-resumeScheduled.js.

Testing Readable Stream resumeScheduled state
"""

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.stream import Readable, Writable
from nodenet_uv.testing import common


def _false_later(r):
    def check():
        assert r._readableState.resumeScheduled is False

    next_tick(common.mustCall(check))


def test_pipe() -> None:
    # pipe() test case
    r = Readable(read=lambda n: None)
    w = Writable()

    # resumeScheduled should start = `false`.
    assert r._readableState.resumeScheduled is False

    # Calling pipe() should change the state value = true.
    r.pipe(w)
    assert r._readableState.resumeScheduled is True

    _false_later(r)
    run()


def test_data_listener() -> None:
    # 'data' listener test case
    r = Readable(read=lambda n: None)

    # resumeScheduled should start = `false`.
    assert r._readableState.resumeScheduled is False

    r.push(bytes([1, 2, 3]))

    # Adding 'data' listener should change the state value
    def on_data(*_):
        assert r._readableState.resumeScheduled is False

    r.on("data", common.mustCall(on_data))
    assert r._readableState.resumeScheduled is True

    _false_later(r)
    run()


def test_resume() -> None:
    # resume() test case
    r = Readable(read=lambda n: None)

    # resumeScheduled should start = `false`.
    assert r._readableState.resumeScheduled is False

    # Calling resume() should change the state value.
    r.resume()
    assert r._readableState.resumeScheduled is True

    def on_resume():
        # The state value should be `false` again
        assert r._readableState.resumeScheduled is False

    r.on("resume", common.mustCall(on_resume))

    _false_later(r)
    run()
