"""nodenet_uv inside an asyncio program: an asyncio service and a nodenet_uv server.

Run: ``python examples/asyncio_app.py``. ``asyncio.run`` owns the program;
``nodenet_uv.aio.attached()`` lets it drive nodenet_uv's libuv loop, so in one process:

* a nodenet_uv TCP server (Node's ``net`` API) answers ``REV text`` with the text
  reversed, and ``ASK text`` by asking the asyncio service (``aio.promise``);
* an asyncio ``start_server`` service answers ``UPPER text``;
* a worker thread hands a message to the loop with ``nodenet_uv.call_soon_threadsafe``.

Everything is closed at the end and the program ends by itself.
"""

from __future__ import annotations

import asyncio
import threading

import nodenet_uv
from nodenet_uv import aio, events, net, start


async def upper_service(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """asyncio side: ``UPPER text`` -> ``TEXT``."""
    line = (await reader.readline()).decode().strip()
    writer.write(line.removeprefix("UPPER ").upper().encode() + b"\n")
    await writer.drain()
    writer.close()


async def ask_asyncio(port: int, line: str) -> str:
    """An asyncio client of the asyncio service."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(line.encode() + b"\n")
    answer = (await reader.readline()).decode().strip()
    writer.close()
    await writer.wait_closed()
    return answer


def make_nodenet_server(asyncio_port: int) -> net.Server:
    """nodenet_uv side: ``REV text`` -> reversed; ``ASK text`` -> the asyncio service."""

    async def answer(sock: net.Socket, line: str) -> None:
        # A nodenet_uv coroutine (started by start()): it awaits nodenet_uv Promises, and
        # asyncio work through aio.promise().
        if line.startswith("ASK "):
            reply = await aio.promise(ask_asyncio(asyncio_port, "UPPER " + line[4:]))
        else:
            reply = line.removeprefix("REV ")[::-1]
        sock.end(reply + "\n")

    def on_connection(sock: net.Socket) -> None:
        sock.setEncoding("utf8")
        sock.on("data", lambda text: start(answer(sock, text.strip())))

    return net.createServer(on_connection)


async def main() -> None:
    async with aio.attached():
        service = await asyncio.start_server(upper_service, "127.0.0.1", 0)
        asyncio_port = service.sockets[0].getsockname()[1]

        server = make_nodenet_server(asyncio_port)
        server.listen(0, "127.0.0.1")
        await aio.wrap(events.once(server, "listening"))
        port = server.address()["port"]
        print(f"nodenet_uv server on {port}, asyncio service on {asyncio_port}")

        for line in ("REV hello", "ASK through asyncio"):
            print(f"{line!r} -> {await ask_asyncio(port, line)!r}")

        # A thread hands work to the loop: the only thread-safe entry.
        got: asyncio.Future[str] = asyncio.get_running_loop().create_future()
        worker = threading.Thread(
            target=nodenet_uv.call_soon_threadsafe, args=(got.set_result, "from a thread")
        )
        worker.start()
        print("call_soon_threadsafe ->", await got)
        worker.join()

        service.close()
        await service.wait_closed()
        server.close()
        await aio.wrap(events.once(server, "close"))
    print("done")


if __name__ == "__main__":
    asyncio.run(main())
