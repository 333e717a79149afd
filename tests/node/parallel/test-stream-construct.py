"""Port of test/parallel/test-stream-construct.js."""

import pytest

from nodenet_uv import run
from nodenet_uv._internal.task_queues import next_tick
from nodenet_uv.errors import JsError
from nodenet_uv.stream import Duplex, Readable, Writable
from nodenet_uv.testing import common
from nodenet_uv.timers import setImmediate


def _twice(callback):
    callback()
    callback()


@pytest.mark.parametrize("cls", [Writable, Readable])
def test_multiple_callback(cls) -> None:
    cls({"construct": common.mustCall(_twice)}).on(
        "error", common.expectsError({"name": "Error", "code": "ERR_MULTIPLE_CALLBACK"})
    )
    run()


@pytest.mark.parametrize("cls", [Writable, Readable])
def test_synchronous_error(cls) -> None:
    cls({"construct": common.mustCall(lambda callback: callback(JsError("test")))}).on(
        "error", common.expectsError({"name": "Error", "message": "test"})
    )
    run()


@pytest.mark.parametrize("cls", [Writable, Readable])
def test_asynchronous_error(cls) -> None:
    cls({"construct": common.mustCall(lambda callback: next_tick(callback, JsError("test")))}).on(
        "error", common.expectsError({"name": "Error", "message": "test"})
    )
    run()


def _readable_factory(opts):
    return Readable({"read": common.mustNotCall(), **opts})


def _writable_factory(opts):
    return Writable({"write": common.mustNotCall(), "final": common.mustNotCall(), **opts})


FACTORIES = pytest.mark.parametrize(
    "factory", [_readable_factory, _writable_factory], ids=["Readable", "Writable"]
)


def _constructing():
    state = {"constructed": False}

    def construct(cb):
        state["constructed"] = True
        next_tick(cb)

    return state, common.mustCall(construct)


def _close_checker(state):
    def on_close():
        assert state["constructed"] is True

    return common.mustCall(on_close)


@FACTORIES
def test_destroy(factory) -> None:
    state, construct = _constructing()
    s = factory({"construct": construct})
    s.on("close", _close_checker(state))
    s.destroy()
    run()


@FACTORIES
def test_destroy_with_callback(factory) -> None:
    state, construct = _constructing()
    s = factory({"construct": construct})
    s.on("close", _close_checker(state))

    def cb(*args):
        assert state["constructed"] is True

    s.destroy(None, cb)
    run()


@FACTORIES
def test_destroy_again(factory) -> None:
    state, construct = _constructing()
    s = factory({"construct": construct})
    s.on("close", _close_checker(state))
    s.destroy()
    run()


@FACTORIES
def test_destroy_with_error_and_callback(factory) -> None:
    state, construct = _constructing()
    s = factory({"construct": construct})
    s.on("close", _close_checker(state))

    def on_error(err):
        assert str(err) == "kaboom"

    s.on("error", common.mustCall(on_error))

    def cb(err):
        assert str(err) == "kaboom"
        assert state["constructed"] is True

    s.destroy(Exception("kaboom"), cb)
    run()


@FACTORIES
def test_destroy_with_error(factory) -> None:
    state, construct = _constructing()
    s = factory({"construct": construct})

    def on_error(*args):
        assert state["constructed"] is True

    s.on("error", common.mustCall(on_error))
    s.on("close", _close_checker(state))
    s.destroy(Exception())
    run()


def test_readable_construct_then_read() -> None:
    state, construct = _constructing()

    def read(n):
        assert state["constructed"] is True
        r.push(None)

    r = Readable({"autoDestroy": True, "construct": construct, "read": common.mustCall(read)})
    r.on("close", _close_checker(state))
    r.on("data", common.mustNotCall())
    run()


def test_writable_construct_then_write_and_final() -> None:
    state, construct = _constructing()

    def write(chunk, encoding, cb):
        assert state["constructed"] is True
        next_tick(cb)

    def final(cb):
        assert state["constructed"] is True
        next_tick(cb)

    w = Writable(
        {
            "autoDestroy": True,
            "construct": construct,
            "write": common.mustCall(write),
            "final": common.mustCall(final),
        }
    )
    w.on("close", _close_checker(state))
    w.end("data")
    run()


def test_writable_construct_then_final() -> None:
    state, construct = _constructing()

    def final(cb):
        assert state["constructed"] is True
        next_tick(cb)

    w = Writable(
        {
            "autoDestroy": True,
            "construct": construct,
            "write": common.mustNotCall(),
            "final": common.mustCall(final),
        }
    )
    w.on("close", _close_checker(state))
    w.end()
    run()


def test_duplex_construct() -> None:
    Duplex({"construct": common.mustCall()})
    run()


def test_duplex_not_readable_construct() -> None:
    # https://github.com/nodejs/node/issues/34448

    constructed = False

    def construct(callback):
        def later():
            nonlocal constructed
            constructed = True
            callback()

        setImmediate(common.mustCall(later))

    d = Duplex(
        {
            "readable": False,
            "construct": common.mustCall(construct),
            "write": lambda chunk, encoding, callback: callback(),
            "read": lambda n: d.push(None),
        }
    )
    d.resume()
    d.end("foo")

    def on_close():
        assert constructed is True

    d.on("close", common.mustCall(on_close))
    run()


def test_construct_does_not_read() -> None:
    # Construct should not cause stream to read.
    Readable(
        {"construct": common.mustCall(lambda callback: callback()), "read": common.mustNotCall()}
    )
    run()
