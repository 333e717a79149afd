"""Threads: the loop belongs to the thread that runs it (docs/python-rules.md "Threads").

``nodenet_uv.call_soon_threadsafe(fn, *args)`` (a libuv async handle) is the one way in
from another thread: calls run on the loop's thread in the order they were made, nothing
lost; the handle never keeps the loop alive. Any other call from another thread while the
loop runs is a ``RuntimeError`` naming it, and a second ``run()`` is refused.
"""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import pytest

import nodenet_uv
from nodenet_uv import Promise, aio, call_soon_threadsafe, net, process, run, start, timers
from nodenet_uv.process import queueMicrotask

THREADS = 4
WRITES = 1000


def test_four_threads_hand_1000_writes_each_to_the_loop() -> None:
    received: dict[int, bytearray] = {}
    ended: list[int] = []
    workers: list[threading.Thread] = []

    def on_connection(sock: net.Socket) -> None:
        buf = bytearray()
        sock.on("data", buf.extend)

        def on_end() -> None:
            ident = int(bytes(buf).split(b":", 1)[0])
            received[ident] = buf
            ended.append(ident)
            sock.end()
            if len(ended) == THREADS:
                server.close()

        sock.on("end", on_end)

    def worker(ident: int, sock: net.Socket) -> None:
        for n in range(WRITES):
            call_soon_threadsafe(sock.write, f"{ident}:{n}\n".encode())
        call_soon_threadsafe(sock.end)

    def start_workers() -> None:
        for ident, sock in enumerate(clients):
            t = threading.Thread(target=worker, args=(ident, sock))
            workers.append(t)
            t.start()

    connected = [0]

    def on_connect() -> None:
        connected[0] += 1
        if connected[0] == THREADS:
            start_workers()

    server = net.createServer(on_connection)
    clients: list[net.Socket] = []

    def on_listening() -> None:
        port = server.address()["port"]
        for _ in range(THREADS):
            clients.append(net.connect(port, "127.0.0.1", on_connect))

    server.listen(0, "127.0.0.1", on_listening)
    run()
    for t in workers:
        t.join(5)
    assert sorted(ended) == list(range(THREADS))
    for ident in range(THREADS):
        expected = b"".join(f"{ident}:{n}\n".encode() for n in range(WRITES))
        assert bytes(received[ident]) == expected  # nothing lost, in order


def test_calls_run_in_order_each_in_its_own_callback_scope() -> None:
    order: list[str] = []

    def call(name: str) -> None:
        order.append(name)
        process.nextTick(order.append, f"tick {name}")

    def spawn_thread() -> None:
        def body() -> None:
            for name in "abc":
                call_soon_threadsafe(call, name)

        t = threading.Thread(target=body)
        t.start()
        t.join()

    timers.setTimeout(spawn_thread, 1)
    keep = timers.setTimeout(lambda: None, 200)  # the loop must be alive to see them
    timers.setTimeout(lambda: keep.close() if len(order) == 6 else None, 100)
    run()
    assert order == ["a", "tick a", "b", "tick b", "c", "tick c"]


def test_calls_made_while_no_loop_runs_wait_for_run() -> None:
    seen: list[Any] = []
    t = threading.Thread(target=call_soon_threadsafe, args=(seen.append, 1))
    t.start()
    t.join()
    assert seen == []
    run()  # nothing else alive: run() still runs what was handed over, then ends
    assert seen == [1]


def test_the_async_handle_never_keeps_the_loop_alive() -> None:
    done = threading.Event()
    run()  # returns at once: only the unref'ed async handle is open
    call_soon_threadsafe(done.set)
    run()
    assert done.is_set()


def test_exception_in_a_threadsafe_call_goes_to_uncaught_exception() -> None:
    errors: list[str] = []
    process.on("uncaughtException", lambda err: errors.append(str(err)))

    def boom() -> None:
        raise ValueError("in the loop thread")

    call_soon_threadsafe(boom)
    call_soon_threadsafe(errors.append, "next call still runs")
    run()
    assert errors == ["in the loop thread", "next call still runs"]


def test_call_soon_threadsafe_needs_a_callable() -> None:
    with pytest.raises(TypeError, match="callable"):
        call_soon_threadsafe(42)  # type: ignore[arg-type]


def in_thread(fn: Any, *args: Any) -> BaseException | None:
    """Run fn(*args) in another thread; return what it raised."""
    out: list[BaseException] = []

    def body() -> None:
        try:
            fn(*args)
        except BaseException as exc:  # handed back to the test
            out.append(exc)

    t = threading.Thread(target=body, name="other")
    t.start()
    t.join()
    return out[0] if out else None


async def never() -> None:
    await Promise()


def test_calls_from_another_thread_while_the_loop_runs_raise() -> None:
    errors: dict[str, BaseException | None] = {}

    def probe() -> None:
        errors["nextTick"] = in_thread(process.nextTick, lambda: None)
        errors["queueMicrotask"] = in_thread(queueMicrotask, lambda: None)
        coro = never()
        errors["start"] = in_thread(start, coro)
        coro.close()
        errors["run"] = in_thread(run)

    timers.setTimeout(probe, 1)
    run()
    for name, err in errors.items():
        assert isinstance(err, RuntimeError), name
        assert "call_soon_threadsafe" in str(err), name
        assert name == "run" or "came from thread 'other'" in str(err), name
    assert "one loop per process" in str(errors["run"])
    assert "runs in thread 'MainThread'" in str(errors["nextTick"])


def test_run_from_a_callback_is_refused() -> None:
    errors: list[str] = []

    def nested() -> None:
        try:
            run()
        except RuntimeError as err:
            errors.append(str(err))

    timers.setTimeout(nested, 1)
    run()
    assert errors == ["run() called from inside the running nodenet_uv event loop"]


def test_no_loop_running_no_thread_check() -> None:
    # Setting things up from any thread before run() is fine (nothing runs yet).
    assert in_thread(process.nextTick, lambda: None) is None
    run()


def test_threads_with_the_asyncio_bridge() -> None:
    async def body() -> str:
        async with aio.attached():
            got: asyncio.Future[str] = asyncio.get_running_loop().create_future()
            # The bridge wakes for it (the async handle's fd is in libuv's epoll).
            await asyncio.to_thread(call_soon_threadsafe, got.set_result, "handed over")
            # Attached, the loop belongs to the asyncio thread.
            with pytest.raises(RuntimeError, match="call_soon_threadsafe"):
                await asyncio.to_thread(process.nextTick, lambda: None)
            return await got

    assert asyncio.run(asyncio.wait_for(body(), 10)) == "handed over"


def test_exported() -> None:
    assert nodenet_uv.call_soon_threadsafe is call_soon_threadsafe
    assert "call_soon_threadsafe" in nodenet_uv.__all__


def test_running_holds_the_loop_for_the_main_program_too() -> None:
    # What run(main) is to do (see _binding.loop.running): the thread owns the loop from
    # the main program on, so a thread it starts cannot race the loop's start.
    from nodenet_uv._binding import loop as _loop

    errors: list[BaseException | None] = []

    with _loop.running():
        errors.append(in_thread(process.nextTick, lambda: None))
        errors.append(in_thread(run))
        timers.setTimeout(lambda: errors.append(in_thread(queueMicrotask, print)), 1)
        _loop.spin_event_loop()  # the loop itself, in the same hold
        with pytest.raises(RuntimeError, match="from inside the running"):
            with _loop.running():  # a run() from the main program
                pass
    assert all(isinstance(e, RuntimeError) for e in errors) and len(errors) == 3
    assert _loop._owner is None
    run()  # released


def test_socket_calls_from_another_thread_raise() -> None:
    errors: dict[str, BaseException | None] = {}

    def on_connection(sock: net.Socket) -> None:
        sock.resume()
        sock.on("end", lambda: (sock.end(), server.close()))

    server = net.createServer(on_connection)

    def on_listening() -> None:
        client = net.connect(server.address()["port"], "127.0.0.1")

        def on_connect() -> None:
            errors["write"] = in_thread(client.write, b"x")
            errors["end"] = in_thread(client.end)
            client.end()

        client.on("connect", on_connect)

    server.listen(0, "127.0.0.1", on_listening)
    run()
    assert all(isinstance(e, RuntimeError) for e in errors.values()), errors
