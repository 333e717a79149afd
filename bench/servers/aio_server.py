"""asyncio / uvloop benchmark server: python aio_server.py ADDR MODE proto|streams asyncio|uvloop

  ADDR  127.0.0.1:PORT or a Unix socket path
  MODE  echo, sink or hello, with the same behaviour as node_server.js.
  proto    asyncio.Protocol; pause_writing pauses reading, resume_writing resumes it
  streams  start_server: read(65536), write and `await drain()` on every message
TCP_NODELAY on TCP (set explicitly; both loops also default to it).
"""

import asyncio
import socket
import sys

addr, mode, api, loop_name = sys.argv[1:5]
colon = addr.rfind(":")
is_tcp = not addr.startswith("/") and colon >= 0


def set_nodelay(sock):
    if is_tcp and sock is not None:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class EchoProtocol(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        set_nodelay(transport.get_extra_info("socket"))

    def data_received(self, data):
        self.transport.write(data)

    def eof_received(self):
        return None  # the transport closes after flushing what is buffered

    def pause_writing(self):
        self.transport.pause_reading()

    def resume_writing(self):
        self.transport.resume_reading()


class SinkProtocol(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        self.count = 0
        set_nodelay(transport.get_extra_info("socket"))

    def data_received(self, data):
        self.count += len(data)

    def eof_received(self):
        self.transport.write(self.count.to_bytes(8, "little"))
        return None


class HelloProtocol(asyncio.Protocol):
    def connection_made(self, transport):
        set_nodelay(transport.get_extra_info("socket"))
        transport.write(b"x")
        transport.write_eof()

    def eof_received(self):
        return None


async def handle_stream(reader, writer):
    set_nodelay(writer.get_extra_info("socket"))
    try:
        if mode == "echo":
            while True:
                data = await reader.read(65536)
                if not data:
                    break
                writer.write(data)
                await writer.drain()
        elif mode == "sink":
            count = 0
            while True:
                data = await reader.read(65536)
                if not data:
                    break
                count += len(data)
            writer.write(count.to_bytes(8, "little"))
            await writer.drain()
        elif mode == "hello":
            writer.write(b"x")
            writer.write_eof()
            while await reader.read(65536):
                pass
        writer.close()
    except OSError:
        writer.close()


async def main():
    loop = asyncio.get_running_loop()
    if api == "proto":
        factory = {"echo": EchoProtocol, "sink": SinkProtocol, "hello": HelloProtocol}[mode]
        if is_tcp:
            server = await loop.create_server(factory, addr[:colon], int(addr[colon + 1 :]))
        else:
            server = await loop.create_unix_server(factory, addr)
    elif is_tcp:
        server = await asyncio.start_server(handle_stream, addr[:colon], int(addr[colon + 1 :]))
    else:
        server = await asyncio.start_unix_server(handle_stream, addr)
    async with server:
        await server.serve_forever()


if loop_name == "uvloop":
    import uvloop

    uvloop.run(main())
else:
    asyncio.run(main())
