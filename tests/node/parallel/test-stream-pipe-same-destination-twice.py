"""Port of test/parallel/test-stream-pipe-same-destination-twice.js."""

# Regression test for https://github.com/nodejs/node/issues/12718.
# Tests that piping a source stream twice to the same destination stream
# works, and that a subsequent unpipe() call only removes the pipe *once*.
from nodenet_uv import run
from nodenet_uv.stream import PassThrough, Writable
from nodenet_uv.testing import common


def _check_foobar(chunk, encoding, cb):
    assert chunk.decode() == "foobar"
    cb()


def test_unpipe_once_then_write() -> None:
    pass_through = PassThrough()
    dest = Writable({"write": common.mustCall(_check_foobar)})

    pass_through.pipe(dest)
    pass_through.pipe(dest)

    assert len(pass_through._events["data"]) == 2
    assert len(pass_through._readableState.pipes) == 2
    assert pass_through._readableState.pipes[0] is dest
    assert pass_through._readableState.pipes[1] is dest

    pass_through.unpipe(dest)

    # DIVERGENCE: Node's `_events.data.length` is 1 here because a lone listener is
    # stored as the function itself (ondata takes one argument); the listener count
    # is what it checks.
    assert len(pass_through._events["data"]) == 1
    assert len(pass_through._readableState.pipes) == 1
    assert pass_through._readableState.pipes == [dest]

    pass_through.write("foobar")
    pass_through.pipe(dest)
    run()


def test_write_goes_twice() -> None:
    pass_through = PassThrough()
    dest = Writable({"write": common.mustCall(_check_foobar, 2)})

    pass_through.pipe(dest)
    pass_through.pipe(dest)

    assert len(pass_through._events["data"]) == 2
    assert len(pass_through._readableState.pipes) == 2
    assert pass_through._readableState.pipes[0] is dest
    assert pass_through._readableState.pipes[1] is dest

    pass_through.write("foobar")
    run()


def test_unpipe_twice() -> None:
    pass_through = PassThrough()
    dest = Writable({"write": common.mustNotCall()})

    pass_through.pipe(dest)
    pass_through.pipe(dest)

    assert len(pass_through._events["data"]) == 2
    assert len(pass_through._readableState.pipes) == 2
    assert pass_through._readableState.pipes[0] is dest
    assert pass_through._readableState.pipes[1] is dest

    pass_through.unpipe(dest)
    pass_through.unpipe(dest)

    assert pass_through._events.get("data") is None
    assert len(pass_through._readableState.pipes) == 0

    pass_through.write("foobar")
    run()
