"""nodenet_uv.aio: nodenet_uv's libuv loop driven from a running asyncio loop.

An asyncio application holding nodenet_uv sockets (each side calling the other), under
``asyncio.run`` and under uvloop when it is installed; the libuv subtlety (a handle started
from asyncio code reaches epoll only in the next ``uv_run``: a server started from asyncio
must see its first connection, a timer armed from asyncio must fire); no busy-waiting;
fatal errors surfacing in asyncio; the clear RuntimeErrors across the two worlds.

The coroutine tests are pytest-asyncio style bodies run by a plain ``asyncio.run`` (the
project's dev extra does not carry pytest-asyncio).
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest

from nodenet_uv import Promise, aio, events, net, process, run, start, timers
from nodenet_uv.timers import promises as timers_promises

ROOT = Path(__file__).resolve().parents[2]

try:
    import uvloop
except ImportError:  # the bench extra has it
    uvloop = None
else:
    # uvloop's libuv opens a process-wide pipe with its first loop (libuv's signal lock):
    # open it now, not inside a test whose fd-leak check would count it.
    uvloop.new_event_loop().close()


def arun(
    body: Callable[[], Coroutine[Any, Any, Any]], timeout: float = 10.0, flavour: str = "asyncio"
) -> Any:
    """asyncio.run(body()) with a deadline (a hang fails instead of stalling the suite);
    ``flavour="uvloop"``: on a uvloop loop."""
    factory = uvloop.new_event_loop if flavour == "uvloop" and uvloop is not None else None
    with asyncio.Runner(loop_factory=factory) as runner:
        return runner.run(asyncio.wait_for(body(), timeout))


NEEDS_UVLOOP = pytest.mark.skipif(
    uvloop is None, reason="uvloop is not installed (the bench extra has it)"
)
# Both asyncio loops: asyncio's own (a selector) and uvloop's (when installed).
FLAVOURS = pytest.mark.parametrize(
    "flavour", ["asyncio", pytest.param("uvloop", marks=NEEDS_UVLOOP)]
)
# -- helpers: a line protocol on both sides --------------------------------------------


def nn_lines(sock: net.Socket, on_line: Callable[[bytes], None]) -> None:
    """Call on_line(line) for each b'\\n'-terminated line a nodenet_uv socket reads."""
    buf = bytearray()

    def on_data(chunk: bytes) -> None:
        buf.extend(chunk)
        while b"\n" in buf:
            line, _, rest = bytes(buf).partition(b"\n")
            buf[:] = rest
            on_line(line)

    sock.on("data", on_data)


async def nn_ask(port: int, line: bytes) -> bytes:
    """A nodenet_uv coroutine (awaits nodenet_uv Promises): one request, one reply."""
    sock = net.connect(port, "127.0.0.1")
    reply = Promise()
    nn_lines(sock, reply.resolve_)
    sock.on("error", reply.reject_)
    await events.once(sock, "connect")
    sock.write(line + b"\n")
    answer = await reply
    sock.end()
    await events.once(sock, "close")
    return answer


async def asyncio_ask(port: int, line: bytes) -> bytes:
    """An asyncio coroutine: one request, one reply."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(line + b"\n")
    await writer.drain()
    answer = await reader.readline()
    writer.close()
    await writer.wait_closed()
    return answer.rstrip(b"\n")


async def application() -> list[bytes]:
    """An asyncio line service and a nodenet_uv TCP server in one process.

    asyncio service: ``UPPER x`` -> X; ``VIA-NODE x`` -> asks the nodenet_uv server
    ``REV x``. nodenet_uv server: ``REV x`` -> reversed x; ``VIA-ASYNCIO x`` -> asks the
    asyncio service ``UPPER x``.
    """
    async with aio.attached():
        nn_port = 0

        async def serve_asyncio(reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
            line = (await reader.readline()).rstrip(b"\n")
            verb, _, arg = line.partition(b" ")
            if verb == b"UPPER":
                answer = arg.upper()
            else:  # VIA-NODE: asyncio calls into nodenet_uv (a nodenet_uv coroutine)
                answer = await aio.wrap(nn_ask(nn_port, b"REV " + arg))
            writer.write(answer + b"\n")
            await writer.drain()
            writer.close()

        service = await asyncio.start_server(serve_asyncio, "127.0.0.1", 0)
        asyncio_port = service.sockets[0].getsockname()[1]

        async def answer_nn(sock: net.Socket, line: bytes) -> None:
            verb, _, arg = line.partition(b" ")
            if verb == b"REV":
                answer = arg[::-1]
            else:  # VIA-ASYNCIO: nodenet_uv calls into asyncio
                answer = await aio.promise(asyncio_ask(asyncio_port, b"UPPER " + arg))
            sock.end(answer + b"\n")

        def on_connection(sock: net.Socket) -> None:
            nn_lines(sock, lambda line: start(answer_nn(sock, line)))

        server = net.createServer(on_connection)
        server.listen(0, "127.0.0.1")
        await aio.wrap(events.once(server, "listening"))
        nn_port = server.address()["port"]

        results = list(
            await asyncio.gather(
                asyncio_ask(nn_port, b"VIA-ASYNCIO hello"),  # asyncio -> nn -> asyncio
                asyncio_ask(asyncio_port, b"VIA-NODE hello"),  # asyncio -> asyncio -> nn
                aio.wrap(nn_ask(nn_port, b"VIA-ASYNCIO node")),  # nn -> nn -> asyncio
                aio.wrap(nn_ask(asyncio_port, b"VIA-NODE node")),  # nn -> asyncio -> nn
            )
        )
        service.close()
        await service.wait_closed()
        server.close()
        await aio.wrap(events.once(server, "close"))
    return results


EXPECTED = [b"HELLO", b"olleh", b"NODE", b"edon"]


def test_asyncio_application() -> None:
    assert arun(application) == EXPECTED
    assert aio._bridge is None


@NEEDS_UVLOOP
def test_asyncio_application_under_uvloop() -> None:
    assert arun(application, flavour="uvloop") == EXPECTED


# -- pytest-asyncio style: an asyncio coroutine using nodenet_uv sockets -----------------


async def echo_roundtrip() -> None:
    async with aio.attached():

        def on_connection(sock: net.Socket) -> None:
            sock.on("data", lambda chunk: sock.write(chunk.upper()))
            sock.on("end", lambda: sock.end())

        server = net.createServer(on_connection)
        server.listen(0, "127.0.0.1")
        await aio.wrap(events.once(server, "listening"))
        client = net.connect(server.address()["port"], "127.0.0.1")
        await aio.wrap(events.once(client, "connect"))
        client.write(b"ping")
        assert await aio.wrap(events.once(client, "data")) == [b"PING"]
        client.end()
        await aio.wrap(events.once(client, "close"))
        server.close()
        await aio.wrap(events.once(server, "close"))


@FLAVOURS
def test_asyncio_coroutine_uses_nodenet_sockets(flavour: str) -> None:
    arun(echo_roundtrip, flavour=flavour)


# -- the libuv subtlety: a handle started from asyncio code ------------------------------


@FLAVOURS
def test_server_started_from_asyncio_sees_its_first_connection(flavour: str) -> None:
    async def body() -> None:
        async with aio.attached():
            got: asyncio.Future[bytes] = asyncio.get_running_loop().create_future()

            def on_connection(sock: net.Socket) -> None:
                sock.on("data", lambda chunk: got.done() or got.set_result(chunk))
                sock.on("end", lambda: sock.end())

            server = net.createServer(on_connection)
            server.listen(0)  # bound at once (no lookup); nothing awaited on that side
            _reader, writer = await asyncio.open_connection("127.0.0.1", server.address()["port"])
            writer.write(b"first")
            assert await got == b"first"
            writer.close()
            await writer.wait_closed()
            server.close()
            await aio.wrap(events.once(server, "close"))

    arun(body, flavour=flavour)


def write_and_immediate_from_asyncio_code() -> Coroutine[Any, Any, None]:
    async def body() -> None:
        async with aio.attached():
            total = 8 * 1024 * 1024
            received: asyncio.Future[int] = asyncio.get_running_loop().create_future()

            async def drain(reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
                n = 0
                while n < total and (chunk := await reader.read(1 << 16)):
                    n += len(chunk)
                received.set_result(n)
                writer.close()

            service = await asyncio.start_server(drain, "127.0.0.1", 0)
            sock = net.connect(service.sockets[0].getsockname()[1], "127.0.0.1")
            closed = events.once(sock, "close")  # the peer may close first
            try:
                await aio.wrap(events.once(sock, "connect"))
                await asyncio.sleep(0.02)  # the bridge is idle, waiting on libuv's fd
                # More than the socket takes at once: libuv queues the rest (uv_write)
                # and starts a POLLOUT watcher, which only a uv_run hands to epoll.
                sock.write(b"x" * total)
                assert await asyncio.wait_for(received, 3) == total
            finally:
                sock.destroy()
                await aio.wrap(closed)
                service.close()
                await service.wait_closed()

            await asyncio.sleep(0.02)
            ran: asyncio.Future[str] = asyncio.get_running_loop().create_future()
            timers.setImmediate(lambda: ran.set_result("immediate"))
            assert await asyncio.wait_for(ran, 2) == "immediate"

    return body()


def test_libuv_work_started_from_asyncio_code() -> None:
    arun(write_and_immediate_from_asyncio_code)


@NEEDS_UVLOOP
def test_libuv_work_started_from_asyncio_code_under_uvloop() -> None:
    arun(write_and_immediate_from_asyncio_code, flavour="uvloop")


@FLAVOURS
def test_timer_armed_from_asyncio_fires_on_time_without_busy_waiting(flavour: str) -> None:
    async def body() -> None:
        async with aio.attached():
            bridge = aio._bridge
            assert bridge is not None
            server = net.createServer()  # an idle handle: nodenet_uv has nothing to do
            server.listen(0, "127.0.0.1")
            await aio.wrap(events.once(server, "listening"))
            await asyncio.sleep(0.05)
            turns = bridge.turns
            await asyncio.sleep(0.3)
            assert bridge.turns - turns <= 2, "the bridge spins while nodenet_uv is idle"

            fired = asyncio.get_running_loop().create_future()
            t0 = time.monotonic()
            timers.setTimeout(lambda: fired.set_result(time.monotonic() - t0), 100)
            elapsed = await fired
            assert 0.09 <= elapsed < 0.5
            turns = bridge.turns
            await asyncio.sleep(0.2)  # a 100 ms wait costs a few turns, not thousands
            interval = timers.setInterval(lambda: None, 50)
            await asyncio.sleep(0.3)
            timers.clearInterval(interval)
            assert bridge.turns - turns < 40
            server.close()
            await aio.wrap(events.once(server, "close"))

    arun(body, flavour=flavour)


def test_unrefed_handles_are_served_while_attached() -> None:
    # asyncio, not libuv, decides when the program ends: an unref'ed timer still fires.
    async def body() -> None:
        async with aio.attached():
            fired = asyncio.get_running_loop().create_future()
            timers.setTimeout(lambda: fired.set_result("fired"), 20).unref()
            assert await fired == "fired"

    arun(body)


def test_nodenet_uv_coroutines_and_asyncio_awaitables() -> None:
    async def nn_side() -> Any:
        first = await aio.promise(asyncio.sleep(0.01, "slept"))
        return [first, await timers_promises_value()]

    async def timers_promises_value() -> str:
        from nodenet_uv.timers import promises

        return await promises.setTimeout(10, "timer")

    async def body() -> Any:
        async with aio.attached():
            return await aio.wrap(start(nn_side()))

    assert arun(body) == ["slept", "timer"]


# -- fatal errors ------------------------------------------------------------------------


def test_fatal_error_is_raised_from_the_attached_block() -> None:
    async def body() -> None:
        async with aio.attached():
            server = net.createServer(lambda sock: 1 / 0)
            server.listen(0, "127.0.0.1")
            await aio.wrap(events.once(server, "listening"))
            try:
                _reader, writer = await asyncio.open_connection(
                    "127.0.0.1", server.address()["port"]
                )
                writer.close()
                await asyncio.sleep(5)
            finally:
                server.close()

    t0 = time.monotonic()
    with pytest.raises(ZeroDivisionError):
        arun(body)
    assert time.monotonic() - t0 < 4
    assert aio._bridge is None
    run()  # the loop stays usable: the server's close completes


def test_fatal_error_is_set_on_attach_future() -> None:
    async def body() -> None:
        done = aio.attach()
        process.nextTick(lambda: 1 / 0)  # from asyncio code: drained in the next turn
        with pytest.raises(ZeroDivisionError):
            await done
        assert aio._bridge is None  # detached; the loop stays usable

    arun(body)


def test_uncaught_exception_listener_keeps_the_bridge_going() -> None:
    async def body() -> list[str]:
        seen: list[str] = []
        process.on("uncaughtException", lambda err: seen.append(type(err).__name__))
        async with aio.attached():
            process.nextTick(lambda: 1 / 0)
            fired = asyncio.get_running_loop().create_future()
            timers.setTimeout(lambda: fired.set_result(True), 10)
            await fired
        return seen

    assert arun(body) == ["ZeroDivisionError"]


# -- across the two worlds without the bridge: clear RuntimeErrors ----------------------


def test_awaiting_a_nodenet_promise_from_asyncio_names_aio() -> None:
    async def body() -> None:
        with pytest.raises(RuntimeError, match=r"nodenet_uv\.aio.*attached"):
            await Promise.resolve(1)  # not asyncio's "Task got bad yield"

    arun(body)


def test_awaiting_an_asyncio_future_in_a_nodenet_coroutine_names_aio() -> None:
    async def nn_side() -> None:
        await asyncio.sleep(0.01)  # an asyncio future reaches nodenet_uv's runner

    async def body() -> Promise:
        return start(nn_side())  # asyncio is running, but the bridge is not attached

    p = arun(body)
    with pytest.raises(RuntimeError, match=r"nodenet_uv\.aio.*attached\(\)"):
        p.result()
    run()  # the queues drain


@FLAVOURS
def test_attached_each_world_awaits_the_other_directly(flavour: str) -> None:
    async def nn_side() -> list[Any]:
        # A coroutine run by nodenet_uv awaiting asyncio awaitables.
        out: list[Any] = [await asyncio.sleep(0.01, "asyncio future")]
        await asyncio.sleep(0)  # a bare yield: asyncio's "let others run"
        fut = asyncio.get_running_loop().create_future()
        asyncio.get_running_loop().call_later(0.01, fut.cancel)
        try:
            await fut
        except asyncio.CancelledError:
            out.append("cancelled")
        out.append(await timers_promises.setTimeout(5, "nodenet_uv promise"))
        return out

    async def body() -> list[Any]:
        async with aio.attached():
            # asyncio code awaiting nodenet_uv Promises (and a nodenet_uv coroutine's).
            got = await Promise.resolve("promise")
            emitter = events.EventEmitter()
            timers.setTimeout(lambda: emitter.emit("ping", 1), 5)
            return [got, await events.once(emitter, "ping"), await start(nn_side())]

    assert arun(body, flavour=flavour) == [
        "promise",
        [1],
        ["asyncio future", "cancelled", "nodenet_uv promise"],
    ]


def test_asyncio_code_in_run_names_aio() -> None:
    async def main() -> None:
        await asyncio.sleep(0.01)

    with pytest.raises(RuntimeError, match="no running event loop") as info:
        run(main())
    assert "nodenet_uv.aio" in "".join(getattr(info.value, "__notes__", []))


def test_wrap_and_promise_need_the_bridge() -> None:
    async def body() -> None:
        with pytest.raises(RuntimeError, match=r"aio\.wrap\(\) needs"):
            aio.wrap(Promise.resolve(1))
        with pytest.raises(RuntimeError, match=r"aio\.promise\(\) needs"):
            aio.promise(asyncio.sleep(0))
        with pytest.raises(TypeError, match="nodenet_uv Promise"):
            async with aio.attached():
                aio.wrap(42)  # type: ignore[arg-type]

    arun(body)
    with pytest.raises(RuntimeError, match="running asyncio loop"):
        aio.attach()


def test_run_is_refused_while_attached_and_works_after() -> None:
    async def body() -> None:
        aio.attach()
        with pytest.raises(RuntimeError, match=r"nodenet_uv\.aio is attached"):
            run()
        # No detach(): asyncio.run closes the loop; the stale bridge is dropped later.

    arun(body)
    fired: list[bool] = []
    timers.setTimeout(lambda: fired.append(True), 5)
    run()
    assert fired == [True]
    assert aio._bridge is None


def test_attach_is_idempotent_and_detach_too() -> None:
    async def body() -> None:
        first = aio.attach()
        assert aio.attach() is first
        async with aio.attached():  # already attached: the block does not detach
            pass
        assert aio._bridge is not None
        aio.detach()
        aio.detach()
        assert first.done() and first.result() is None

    arun(body)


def test_attach_refused_inside_run() -> None:
    errors: list[str] = []

    def main() -> None:
        async def inner() -> None:
            aio.attach()

        try:
            asyncio.run(inner())
        except RuntimeError as err:
            errors.append(str(err))

    timers.setTimeout(main, 1)
    run()
    assert errors and "inside the running nodenet_uv event loop" in errors[0]


def test_example_asyncio_app_runs_and_ends() -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "asyncio_app.py")],
        capture_output=True,
        text=True,
        timeout=30,
        env=env,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    assert "done" in proc.stdout
