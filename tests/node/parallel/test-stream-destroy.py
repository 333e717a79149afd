"""Port of test/parallel/test-stream-destroy.js.

The two last JS blocks (``stream.destroy()`` on an http.IncomingMessage, checked through
an http server and client) are left out: http is not part of nodenet_uv.
"""

from nodenet_uv import run
from nodenet_uv.stream import Readable, Writable, destroy
from nodenet_uv.testing import common


def test_destroy_readable() -> None:
    r = Readable({"read": lambda n: None})
    destroy(r)
    assert r.destroyed is True

    def on_error(err):
        assert err.name == "AbortError"

    r.on("error", common.mustCall(on_error))
    r.on("close", common.mustCall())
    run()


def test_destroy_readable_with_error() -> None:
    r = Readable({"read": lambda n: None})
    destroy(r, Exception("asd"))
    assert r.destroyed is True

    def on_error(err):
        assert str(err) == "asd"

    r.on("error", common.mustCall(on_error))
    r.on("close", common.mustCall())
    run()


def test_destroy_writable() -> None:
    w = Writable({"write": lambda chunk, encoding, cb: None})
    destroy(w)
    assert w.destroyed is True

    def on_error(err):
        assert err.name == "AbortError"

    w.on("error", common.mustCall(on_error))
    w.on("close", common.mustCall())
    run()


def test_destroy_writable_with_error() -> None:
    w = Writable({"write": lambda chunk, encoding, cb: None})
    destroy(w, Exception("asd"))
    assert w.destroyed is True

    def on_error(err):
        assert str(err) == "asd"

    w.on("error", common.mustCall(on_error))
    w.on("close", common.mustCall())
    run()


# The http.IncomingMessage blocks (destroy(req) in a server's request handler, before and
# after 'end') are not ported: they need http.
