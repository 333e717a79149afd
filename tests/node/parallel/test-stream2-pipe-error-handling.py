"""Port of test/parallel/test-stream2-pipe-error-handling.js."""

from nodenet_uv import run
from nodenet_uv.stream import Readable, Writable


def _source():
    count = 1000
    source = Readable()

    def _read(n):
        nonlocal count
        n = min(count, n)
        count -= n
        source.push(bytes(n))

    source._read = _read

    unpiped = {}

    def unpipe(dest=None):
        unpiped["dest"] = dest
        return Readable.unpipe(source, dest)

    source.unpipe = unpipe
    return source, unpiped


def test_error_with_listener() -> None:
    source, unpiped = _source()

    dest = Writable()
    dest._write = lambda chunk, encoding, cb: cb()

    source.pipe(dest)

    got_err = None

    def on_error(err):
        nonlocal got_err
        got_err = err

    dest.on("error", on_error)

    unpiped_source = None

    def on_unpipe(src):
        nonlocal unpiped_source
        unpiped_source = src

    dest.on("unpipe", on_unpipe)

    err = Exception("This stream turned into bacon.")
    dest.emit("error", err)
    assert got_err is err
    assert unpiped_source is source
    assert unpiped["dest"] is dest
    run()


def test_error_without_listener() -> None:
    source, unpiped = _source()

    dest = Writable({"autoDestroy": False})
    dest._write = lambda chunk, encoding, cb: cb()

    source.pipe(dest)

    unpiped_source = None

    def on_unpipe(src):
        nonlocal unpiped_source
        unpiped_source = src

    dest.on("unpipe", on_unpipe)

    err = Exception("This stream turned into bacon.")

    got_err = None
    try:
        dest.emit("error", err)
    except Exception as e:
        got_err = e
    assert got_err is err
    assert unpiped_source is source
    assert unpiped["dest"] is dest
    run()
