"""``nodenet_uv.start(coro)``: calling a JS async function starts it; in Python,
``start()`` does (synchronously up to the first ``await``) and returns a Promise.
``Promise.all``/``allSettled``/``race``/``any`` (and ``Promise.resolve``) start the
coroutines they are given instead of resolving to the coroutine objects.
"""

from __future__ import annotations

from typing import Any

import pytest

import nodenet_uv
from nodenet_uv import Promise, events, net, process, run, start
from nodenet_uv.timers import promises as timers_promises


async def later(value: Any, ms: int = 5) -> Any:
    await timers_promises.setTimeout(ms)
    return value


async def fails(message: str, ms: int = 5) -> None:
    await timers_promises.setTimeout(ms)
    raise ValueError(message)


def test_start_runs_synchronously_up_to_the_first_await() -> None:
    order: list[str] = []

    async def job() -> str:
        order.append("job starts")
        await timers_promises.setTimeout(1)
        order.append("job resumes")
        return "result"

    def main() -> None:
        p = start(job())
        order.append("start returned")
        assert isinstance(p, Promise) and p.state == "pending"
        p.then(lambda v: order.append(f"then {v}"))

    run(main)
    assert order == ["job starts", "start returned", "job resumes", "then result"]


def test_start_two_coroutines_concurrently() -> None:
    # Two servers' worth of work in parallel: both started before either finishes.
    async def echo_once(tag: str) -> str:
        server = net.createServer(lambda sock: sock.pipe(sock))
        server.listen(0, "127.0.0.1")
        await events.once(server, "listening")
        client = net.connect(server.address()["port"], "127.0.0.1")
        await events.once(client, "connect")
        client.write(tag)
        [data] = await events.once(client, "data")
        client.end()
        await events.once(client, "close")
        server.close()
        return data.decode()

    async def main() -> list[str]:
        a = start(echo_once("a"))
        b = start(echo_once("b"))
        return [await a, await b]

    assert run(main()) == ["a", "b"]


def test_start_rejects_like_an_async_function() -> None:
    async def main() -> str:
        p = start(fails("boom"))
        try:
            await p
        except ValueError as err:
            return str(err)
        return "no error"

    assert run(main()) == "boom"


def test_start_needs_a_coroutine() -> None:
    with pytest.raises(TypeError, match=r"start\(\) takes a coroutine"):
        start(later)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not int"):
        start(1)  # type: ignore[arg-type]


def test_promise_all_starts_coroutines() -> None:
    async def main() -> Any:
        return await Promise.all([later("a", 10), later("b", 1), Promise.resolve("c"), "d"])

    assert run(main()) == ["a", "b", "c", "d"]


def test_promise_all_rejects_with_the_first_rejection() -> None:
    async def main() -> str:
        try:
            await Promise.all([later("a"), fails("first", 1), fails("second", 10)])
        except ValueError as err:
            return str(err)
        return "no error"

    seen: list[Any] = []
    process.on("unhandledRejection", lambda reason: seen.append(reason))
    assert run(main()) == "first"
    assert seen == []  # the later rejection is handled by Promise.all, as in JS


def test_promise_all_settled_race_any_start_coroutines() -> None:
    async def main() -> Any:
        settled = await Promise.allSettled([later("ok"), fails("no")])
        raced = await Promise.race([later("slow", 20), later("fast", 1)])
        anyone = await Promise.any([fails("x", 1), later("y", 5)])
        try:
            await Promise.any([fails("p"), fails("q", 1)])
        except Exception as err:
            rejected = (str(err), [str(e) for e in err.errors])  # type: ignore[attr-defined]
        empty = await Promise.allSettled([])
        return settled, raced, anyone, rejected, empty

    settled, raced, anyone, rejected, empty = run(main())
    assert settled[0] == {"status": "fulfilled", "value": "ok"}
    assert settled[1]["status"] == "rejected" and str(settled[1]["reason"]) == "no"
    assert raced == "fast"
    assert anyone == "y"
    assert rejected == ("All promises were rejected", ["p", "q"])
    assert empty == []


def test_promise_resolve_starts_a_coroutine() -> None:
    async def main() -> Any:
        return await Promise.resolve(later(7))

    assert run(main()) == 7


def test_snake_case_names() -> None:
    assert Promise.all_settled is Promise.allSettled
    assert nodenet_uv.start is start
    assert "start" in nodenet_uv.__all__


def test_awaiting_a_foreign_awaitable_names_aio() -> None:
    class Foreign:
        def __await__(self) -> Any:
            yield "something else"

    async def main() -> None:
        await Foreign()

    with pytest.raises(RuntimeError, match=r"nodenet_uv\.aio") as info:
        run(main())
    assert "'something else'" in str(info.value)

    class BareYield:
        def __await__(self) -> Any:
            yield

    async def main2() -> None:
        await BareYield()

    with pytest.raises(RuntimeError, match="a bare yield"):
        run(main2())
