"""Port of test/parallel/test-stream-iterator-helpers-test262-tests.mjs.

Left out: the JS-only function checks (``.length`` of a method, property descriptors
being non-enumerable/configurable/writable, ``new r.every()`` not being constructible,
the prototype of a method being Function.prototype, ``valueOf`` coercion of the limit):
Python methods have no such properties.
"""

import pytest

from nodenet_uv import run
from nodenet_uv.errors import JsError
from nodenet_uv.stream import Readable
from nodenet_uv.testing import common
from nodenet_uv.testing.common import must_resolve, rejects


def test_drop() -> None:
    async def main():
        # drop/limit-equals-total
        iterator = Readable.from_([1, 2]).drop(2)
        result = await iterator.__aiter__().next()
        assert result == {"done": True, "value": None}
        # drop/limit-greater-than-total.js
        iterator2 = Readable.from_([1, 2]).drop(3)
        result2 = await iterator2.__aiter__().next()
        assert result2 == {"done": True, "value": None}
        # drop/limit-less-than-total.js
        iterator3 = Readable.from_([1, 2]).drop(1)
        result3 = await iterator3.__aiter__().next()
        assert result3 == {"done": False, "value": 2}
        # drop/limit-rangeerror
        with pytest.raises(ValueError) as info:  # a JS RangeError
            Readable.from_([1]).drop(-1)
        assert getattr(info.value, "name", None) == "RangeError"
        # drop/name
        assert Readable.drop.__name__ == "drop"

    must_resolve(main())
    run()


def test_every_abrupt_iterator_close() -> None:
    stream = Readable.from_([1, 2, 3])
    e = JsError()

    def fn(*_):
        raise e

    async def main():
        try:
            await stream.every(common.mustCall(fn, 1))
        except Exception as err:
            assert err is e
        else:
            raise AssertionError("Missing expected rejection.")

    must_resolve(main())
    run()


def test_every_callable_fn() -> None:
    must_resolve(rejects(Readable.from_([1, 2]).every({}), "TypeError"))
    run()


def test_every_callable() -> None:
    Readable.every(Readable.from_([]), lambda *_: None)
    Readable.from_([]).every(lambda *_: None)
    run()


def test_every_false() -> None:
    async def main():
        iterator = Readable.from_([1, 2, 3])
        result = await iterator.every(lambda v, *_: v == 1)
        assert result is False

    must_resolve(main())
    run()


def test_every_every() -> None:
    async def main():
        iterator = Readable.from_([1, 2, 3])
        result = await iterator.every(lambda v, *_: True)
        assert result is True

    must_resolve(main())
    run()


def test_every_is_function() -> None:
    assert callable(Readable.every)
    # every/name
    assert Readable.every.__name__ == "every"
