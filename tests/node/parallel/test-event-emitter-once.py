"""Port of test/parallel/test-event-emitter-once.js."""

from nodenet_uv.events import EventEmitter
from nodenet_uv.testing import common


def test_once() -> None:
    e = EventEmitter()

    e.once("hello", common.mustCall())

    e.emit("hello", "a", "b")
    e.emit("hello", "a", "b")
    e.emit("hello", "a", "b")
    e.emit("hello", "a", "b")

    def remove():
        raise AssertionError("once->foo should not be emitted")

    e.once("foo", remove)
    e.removeListener("foo", remove)
    e.emit("foo")

    e.once("e", common.mustCall(lambda: e.emit("e")))

    e.once("e", common.mustCall())

    e.emit("e")


def test_once_argument_counts() -> None:
    # once() has different code paths based on the number of arguments being
    # emitted. Verify that all of the cases are covered.
    maxArgs = 4

    for i in range(maxArgs + 1):
        ee = EventEmitter()
        args = ["foo"]

        for j in range(i):
            args.append(j)

        def check(*params, args=args):
            assert list(params) == args[1:]

        ee.once("foo", common.mustCall(check))

        EventEmitter.emit(ee, *args)  # EventEmitter.prototype.emit.apply(ee, args)
