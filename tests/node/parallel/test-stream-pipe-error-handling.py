"""Port of test/parallel/test-stream-pipe-error-handling.js."""

import pytest

from nodenet_uv import run
from nodenet_uv.stream import PassThrough, Readable, Stream, Writable
from nodenet_uv.testing import common
from nodenet_uv.timers import setTimeout


def test_error_listener() -> None:
    source = Stream()
    dest = Stream()

    source.pipe(dest)

    got_err = None

    def on_error(err):
        nonlocal got_err
        got_err = err

    source.on("error", on_error)

    err = Exception("This stream turned into bacon.")
    source.emit("error", err)
    assert got_err is err


def test_error_no_listener_throws() -> None:
    source = Stream()
    dest = Stream()

    source.pipe(dest)

    err = Exception("This stream turned into bacon.")

    got_err = None
    try:
        source.emit("error", err)
    except Exception as e:
        got_err = e

    assert got_err is err


def test_removed_listener_throws() -> None:
    r = Readable({"autoDestroy": False})
    w = Writable({"autoDestroy": False})
    removed = False

    def _read(n):
        def later():
            assert removed
            with pytest.raises(Exception, match=r"^fail$"):
                w.emit("error", Exception("fail"))

        setTimeout(common.mustCall(later), 1)

    r._read = common.mustCall(_read)

    def my_on_error(*args):
        raise Exception("this should not happen")

    w.on("error", my_on_error)
    r.pipe(w)
    w.removeListener("error", my_on_error)
    removed = True
    run()


def test_other_listener_removed() -> None:
    r = Readable()
    w = Writable()
    removed = False

    def _read(n):
        def later():
            assert removed
            w.emit("error", Exception("fail"))

        setTimeout(common.mustCall(later), 1)

    r._read = common.mustCall(_read)

    w.on("error", common.mustCall())
    w._write = lambda *args: None

    r.pipe(w)
    # Removing some OTHER random listener should not do anything
    w.removeListener("error", lambda *args: None)
    removed = True
    run()


def test_destination_destroyed() -> None:
    _err = Exception("this should be handled")
    destination = PassThrough()

    def on_error(err):
        assert err is _err

    destination.once("error", common.mustCall(on_error))

    stream = Stream()
    stream.pipe(destination)

    destination.destroy(_err)
    run()
