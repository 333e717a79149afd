"""Port of Node.js lib/internal/streams/operators.js: the Readable iterator helpers.

``map``, ``filter``, ``flatMap``, ``drop`` and ``take``
(``streamReturningOperators``; Node 22 removed ``asIndexedPairs`` and moved ``compose`` to
``Readable.prototype``) and ``every``, ``forEach``, ``reduce``, ``toArray``,
``some``, ``find`` (``promiseReturningOperators``). Node's lib/stream.js installs them on
``Readable.prototype``; here readable.py does (``Readable.map(...)`` returns a Readable
made by ``Readable.from`` over the operator's async generator, ``Readable.toArray()``
returns a Promise).

Each function takes the stream first (Node's ``this``). The async generators are Python
async generators wrapped in :class:`~nodenet_uv._internal.async_generator.AsyncGenerator`
so that ``next``/``throw``/``return`` queue as in JS. A JS ``for await`` calls the
iterator's ``return()`` when its body exits early (``return``/``break``/a throw); here
that is an explicit ``await _close(it)`` at those exits. The promise-returning operators
are coroutine functions (JS async functions), run by ``spawn`` when called as methods.

Callbacks (``fn``, ``reducer``) may declare fewer parameters than Node passes
(``fn(value, {'signal': signal})``); an ``async def`` callback runs like a JS async
function. Options are a dict with Node's keys (or keyword arguments, snake_case or not).
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import AsyncIterator, Callable, Coroutine
from typing import TYPE_CHECKING, Any

from nodenet_uv import _validators as validators
from nodenet_uv import errors
from nodenet_uv._internal.arity import arg_limit, call_limited
from nodenet_uv._internal.async_generator import AsyncGenerator
from nodenet_uv._internal.naming import alias_module, node_options
from nodenet_uv._internal.promise import Promise, spawn
from nodenet_uv.abort_controller import AbortController, AbortSignal
from nodenet_uv.stream.end_of_stream import finished
from nodenet_uv.stream.pipeline import makeAsyncIterable

__all__ = ["promiseReturningOperators", "streamReturningOperators"]


class _Symbol:
    __slots__ = ("description",)

    def __init__(self, description: str) -> None:
        self.description = description

    def __repr__(self) -> str:
        return f"Symbol({self.description})"


kEmpty: Any = _Symbol("kEmpty")
kEof: Any = _Symbol("kEof")

# JS `arguments.length`: reduce(fn) and reduce(fn, undefined) differ.
_NOT_GIVEN: Any = _Symbol("notGiven")


def _opt(options: Any, key: str) -> Any:
    """``options?.[key]`` (options was validated as an object, or is None)."""
    return options.get(key) if isinstance(options, dict) else getattr(options, key, None)


def _call(fn: Callable[..., Any], limit: int, args: tuple[Any, ...]) -> Any:
    """Call a user callback; an ``async def`` returns its promise, as in JS."""
    ret = call_limited(fn, limit, args)
    if isinstance(ret, Coroutine):
        ret = spawn(ret)
    return ret


def _iterator(stream: Any) -> AsyncGenerator:
    """``stream[Symbol.asyncIterator]()`` as ``for await`` takes it (a sync iterable too).

    A Readable's iterator is a JS async generator in Node; ours is a plain Python one,
    which hands a chunk over with no microtask in between. It is driven through
    :class:`AsyncGenerator` so that the operators see Node's order (an abort queued as a
    microtask lands before the next chunk, as in Node).
    """
    it = makeAsyncIterable(stream).__aiter__()
    if isinstance(it, AsyncGenerator):
        return it
    return AsyncGenerator(_delegate(it))


async def _delegate(it: Any) -> AsyncIterator[Any]:
    async for value in it:
        try:
            yield value
        except BaseException:
            await _close(it)
            raise


async def _close(it: Any) -> None:
    """``iterator.return()``: what ``for await`` calls when its body exits early."""
    aclose = getattr(it, "aclose", None)
    if aclose is not None:
        await aclose()


def _to_number(value: Any) -> float:
    """JS ``Number(value)`` for the values an option may hold."""
    if isinstance(value, bool):
        return 1 if value else 0
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, str):
        s = value.strip()
        if not s:
            return 0
        try:
            return int(s, 0) if s[:2].lower() in ("0x", "0o", "0b") else float(s)
        except ValueError:
            return math.nan
    return math.nan


def _math_floor(value: Any) -> Any:
    """``MathFloor(value)``: NaN and ±Infinity stay (validateInteger reports them)."""
    number = _to_number(value)
    if isinstance(number, int) or math.isnan(number) or math.isinf(number):
        return number
    return math.floor(number)


_SIGNAL_OPTIONS = frozenset(("signal",))
_MAP_OPTIONS = frozenset(("signal", "concurrency", "highWaterMark"))


def map(stream: Any, fn: Any, options: Any = None, **kwargs: Any) -> AsyncGenerator:
    """readable.map(fn[, options]): fn(value, {signal}) over each chunk, in order."""
    options = node_options(options, kwargs, _MAP_OPTIONS, "map")
    validators.validate_function(fn, "fn")
    if options is not None:
        validators.validate_object(options, "options")
    if _opt(options, "signal") is not None:
        validators.validate_abort_signal(options["signal"], "options.signal")

    concurrency: Any = 1
    if _opt(options, "concurrency") is not None:
        concurrency = _math_floor(options["concurrency"])

    highWaterMark: Any = concurrency - 1
    if _opt(options, "highWaterMark") is not None:
        highWaterMark = _math_floor(options["highWaterMark"])

    validators.validate_integer(concurrency, "options.concurrency", 1)
    validators.validate_integer(highWaterMark, "options.highWaterMark", 0)

    highWaterMark += concurrency

    return AsyncGenerator(_map(stream, fn, options, concurrency, highWaterMark))


async def _map(
    stream: Any, fn: Callable[..., Any], options: Any, concurrency: int, highWaterMark: int
) -> AsyncIterator[Any]:
    outer_signal = _opt(options, "signal")
    signal = AbortSignal.any([outer_signal] if outer_signal else [])
    queue: deque[Any] = deque()
    signalOpt = {"signal": signal}
    limit = arg_limit(fn)

    next_: Callable[..., Any] | None = None
    resume: Callable[..., Any] | None = None
    done = False
    cnt = 0

    def onCatch(_err: Any = None) -> None:
        nonlocal done
        done = True
        afterItemProcessed()

    def afterItemProcessed(_value: Any = None) -> None:
        nonlocal cnt
        cnt -= 1
        maybeResume()

    def maybeResume() -> None:
        nonlocal resume
        if resume is not None and not done and cnt < concurrency and len(queue) < highWaterMark:
            resume()
            resume = None

    def wait_resume(resolve: Callable[[Any], None], _reject: Any) -> None:
        nonlocal resume
        resume = resolve

    def wait_next(resolve: Callable[[Any], None], _reject: Any) -> None:
        nonlocal next_
        next_ = resolve

    async def pump() -> None:
        nonlocal done, cnt, next_
        try:
            it = _iterator(stream)
            async for val in it:
                if done:
                    await _close(it)
                    return

                if signal.aborted:
                    await _close(it)
                    raise errors.AbortError()

                try:
                    val = _call(fn, limit, (val, signalOpt))

                    if val is kEmpty:
                        continue

                    val = Promise.resolve(val)
                except Exception as err:
                    val = Promise.reject(err)

                cnt += 1

                val.then(afterItemProcessed, onCatch)

                queue.append(val)
                if next_ is not None:
                    next_()
                    next_ = None

                if not done and (len(queue) >= highWaterMark or cnt >= concurrency):
                    await Promise(wait_resume)
            queue.append(kEof)
        except Exception as err:
            val = Promise.reject(err)
            val.then(afterItemProcessed, onCatch)
            queue.append(val)
        finally:
            done = True
            if next_ is not None:
                next_()
                next_ = None

    spawn(pump())

    try:
        while True:
            while queue:
                head = queue[0]
                val = await (head if isinstance(head, Promise) else Promise.resolve(head))

                if val is kEof:
                    return

                if signal.aborted:
                    raise errors.AbortError()

                if val is not kEmpty:
                    yield val

                queue.popleft()
                maybeResume()

            await Promise(wait_next)
    finally:
        done = True
        if resume is not None:
            resume()
            resume = None


async def some(stream: Any, fn: Any, options: Any = None, **kwargs: Any) -> bool:
    """readable.some(fn[, options]): a Promise of whether fn is truthy for some chunk."""
    it = filter(stream, fn, options, **kwargs)
    async for _unused in it:
        await _close(it)
        return True
    return False


async def every(stream: Any, fn: Any, options: Any = None, **kwargs: Any) -> bool:
    """readable.every(fn[, options]): a Promise of whether fn is truthy for every chunk."""
    validators.validate_function(fn, "fn")
    limit = arg_limit(fn)

    async def negated(*args: Any) -> bool:
        return not (await Promise.resolve(_call(fn, limit, args)))

    # https://en.wikipedia.org/wiki/De_Morgan%27s_laws
    return not (await spawn(some(stream, negated, options, **kwargs)))


async def find(stream: Any, fn: Any, options: Any = None, **kwargs: Any) -> Any:
    """readable.find(fn[, options]): a Promise of the first chunk fn is truthy for."""
    it = filter(stream, fn, options, **kwargs)
    async for result in it:
        await _close(it)
        return result
    return None


async def forEach(stream: Any, fn: Any, options: Any = None, **kwargs: Any) -> None:
    """readable.forEach(fn[, options]): a Promise settled once fn ran on every chunk."""
    validators.validate_function(fn, "fn")
    limit = arg_limit(fn)

    async def forEachFn(value: Any, options: Any) -> Any:
        await Promise.resolve(_call(fn, limit, (value, options)))
        return kEmpty

    async for _unused in map(stream, forEachFn, options, **kwargs):
        pass


def filter(stream: Any, fn: Any, options: Any = None, **kwargs: Any) -> AsyncGenerator:
    """readable.filter(fn[, options]): the chunks fn is truthy for."""
    validators.validate_function(fn, "fn")
    limit = arg_limit(fn)

    async def filterFn(value: Any, options: Any) -> Any:
        if await Promise.resolve(_call(fn, limit, (value, options))):
            return value
        return kEmpty

    return map(stream, filterFn, options, **kwargs)


# Specific to provide better error to reduce since the argument is only
# missing if the stream has no items in it - but the code is still appropriate
class ReduceAwareErrMissingArgs(errors.ERR_MISSING_ARGS):  # type: ignore[misc, valid-type]
    def __init__(self) -> None:
        super().__init__("reduce")
        self.message = "Reduce of an empty stream requires an initial value"


async def reduce(
    stream: Any,
    reducer: Any,
    initialValue: Any = _NOT_GIVEN,
    options: Any = None,
    **kwargs: Any,
) -> Any:
    """readable.reduce(reducer[, initialValue[, options]]): a Promise of the reduction."""
    options = node_options(options, kwargs, _SIGNAL_OPTIONS, "reduce")
    validators.validate_function(reducer, "reducer")
    if options is not None:
        validators.validate_object(options, "options")
    outer_signal = _opt(options, "signal")
    if outer_signal is not None:
        validators.validate_abort_signal(outer_signal, "options.signal")

    hasInitialValue = initialValue is not _NOT_GIVEN
    if outer_signal is not None and outer_signal.aborted:
        err = errors.AbortError(None, cause=outer_signal.reason)
        stream.once("error", lambda *_: None)  # The error is already propagated
        await finished(stream.destroy(err))
        raise err
    ac = AbortController()
    signal = ac.signal

    def on_abort(*_: Any) -> None:
        ac.abort()

    if outer_signal:
        # DIVERGENCE: Node holds this listener weakly (kWeakHandler) so that it goes away
        # with the stream; it is removed when reduce ends instead.
        outer_signal.addEventListener("abort", on_abort, {"once": True})
    limit = arg_limit(reducer)
    gotAnyItemFromStream = False
    try:
        it = _iterator(stream)
        async for value in it:
            try:
                gotAnyItemFromStream = True
                if outer_signal is not None and outer_signal.aborted:
                    raise errors.AbortError()
                if not hasInitialValue:
                    initialValue = value
                    hasInitialValue = True
                else:
                    initialValue = await Promise.resolve(
                        _call(reducer, limit, (initialValue, value, {"signal": signal}))
                    )
            except BaseException:
                await _close(it)
                raise
        if not gotAnyItemFromStream and not hasInitialValue:
            raise ReduceAwareErrMissingArgs()
    finally:
        ac.abort()
        if outer_signal:
            outer_signal.removeEventListener("abort", on_abort)
    return initialValue


async def toArray(stream: Any, options: Any = None, **kwargs: Any) -> list[Any]:
    """readable.toArray([options]): a Promise of the list of every chunk."""
    options = node_options(options, kwargs, _SIGNAL_OPTIONS, "toArray")
    if options is not None:
        validators.validate_object(options, "options")
    signal = _opt(options, "signal")
    if signal is not None:
        validators.validate_abort_signal(signal, "options.signal")

    result = []
    it = _iterator(stream)
    async for val in it:
        if signal is not None and signal.aborted:
            await _close(it)
            raise errors.AbortError(None, cause=signal.reason)
        result.append(val)
    return result


def flatMap(stream: Any, fn: Any, options: Any = None, **kwargs: Any) -> AsyncGenerator:
    """readable.flatMap(fn[, options]): map, then each result's items (``yield*``)."""
    values = map(stream, fn, options, **kwargs)
    return AsyncGenerator(_flatMap(values))


async def _flatMap(values: AsyncGenerator) -> AsyncIterator[Any]:
    async for val in values:
        try:
            # yield* val
            if callable(getattr(val, "__aiter__", None)):
                inner = val.__aiter__()
                async for item in inner:
                    try:
                        yield item
                    except BaseException:
                        await _close(inner)
                        raise
            else:
                sync_inner = iter(val)
                for item in sync_inner:
                    # An async generator's yield* over a sync iterable awaits each value.
                    item = await Promise.resolve(item)
                    try:
                        yield item
                    except BaseException:
                        close = getattr(sync_inner, "close", None)
                        if close is not None:
                            close()
                        raise
        except BaseException:
            await _close(values)
            raise


def toIntegerOrInfinity(number: Any) -> Any:
    # We coerce here to align with the spec
    # https://github.com/tc39/proposal-iterator-helpers/issues/169
    number = _to_number(number)
    if math.isnan(number):
        return 0
    if number < 0:
        raise errors.ERR_OUT_OF_RANGE("number", ">= 0", number)
    return number


def drop(stream: Any, number: Any = None, options: Any = None, **kwargs: Any) -> AsyncGenerator:
    """readable.drop(limit[, options]): every chunk after the first ``limit``."""
    options = node_options(options, kwargs, _SIGNAL_OPTIONS, "drop")
    if options is not None:
        validators.validate_object(options, "options")
    if _opt(options, "signal") is not None:
        validators.validate_abort_signal(options["signal"], "options.signal")

    number = toIntegerOrInfinity(number)
    return AsyncGenerator(_drop(stream, number, options))


async def _drop(stream: Any, number: Any, options: Any) -> AsyncIterator[Any]:
    signal = _opt(options, "signal")
    if signal is not None and signal.aborted:
        raise errors.AbortError()
    it = _iterator(stream)
    async for val in it:
        try:
            if signal is not None and signal.aborted:
                raise errors.AbortError()
            n = number
            number -= 1
            if n <= 0:
                yield val
        except BaseException:
            await _close(it)
            raise


def take(stream: Any, number: Any = None, options: Any = None, **kwargs: Any) -> AsyncGenerator:
    """readable.take(limit[, options]): the first ``limit`` chunks."""
    options = node_options(options, kwargs, _SIGNAL_OPTIONS, "take")
    if options is not None:
        validators.validate_object(options, "options")
    if _opt(options, "signal") is not None:
        validators.validate_abort_signal(options["signal"], "options.signal")

    number = toIntegerOrInfinity(number)
    return AsyncGenerator(_take(stream, number, options))


async def _take(stream: Any, number: Any, options: Any) -> AsyncIterator[Any]:
    signal = _opt(options, "signal")
    if signal is not None and signal.aborted:
        raise errors.AbortError()
    it = _iterator(stream)
    async for val in it:
        try:
            if signal is not None and signal.aborted:
                raise errors.AbortError()
            n = number
            number -= 1
            if n > 0:
                yield val
        except BaseException:
            await _close(it)
            raise

        # Don't get another item from iterator in case we reached the end
        if number <= 0:
            await _close(it)
            return


streamReturningOperators: dict[str, Callable[..., Any]] = {
    "drop": drop,
    "filter": filter,
    "flatMap": flatMap,
    "map": map,
    "take": take,
}

promiseReturningOperators: dict[str, Callable[..., Any]] = {
    "every": every,
    "forEach": forEach,
    "reduce": reduce,
    "toArray": toArray,
    "some": some,
    "find": find,
}

__all__ += alias_module(globals(), __all__)


# BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
if TYPE_CHECKING:
    promise_returning_operators = promiseReturningOperators
    stream_returning_operators = streamReturningOperators
# END twins
