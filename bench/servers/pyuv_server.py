"""Raw pyuv benchmark server (perf-anchors.md section 2): python pyuv_server.py ADDR MODE

  ADDR  127.0.0.1:PORT or a Unix socket path
  MODE  echo, sink or hello, with the same behaviour as node_server.js.

Raw callbacks: start_read; write(data), where only writes issued while the write queue is
non-empty carry a callback; reading stops when write_queue_size exceeds 256 KiB and resumes
when the queue is empty. EOF leads to shutdown, then close. TCP_NODELAY on TCP.
"""

import sys

import pyuv

HIGH_WATER = 256 * 1024

addr, mode = sys.argv[1], sys.argv[2]
loop = pyuv.Loop.default_loop()
colon = addr.rfind(":")
is_tcp = not addr.startswith("/") and colon >= 0
paused = set()
counts = {}


def close(handle, error=None):
    paused.discard(handle)
    counts.pop(handle, None)
    if not handle.closed:
        handle.close()


def shutdown_and_close(handle):
    try:
        handle.shutdown(close)
    except pyuv.error.UVError:
        close(handle)


def on_write_done(handle, error):
    if error is not None:
        close(handle)
    elif handle in paused and handle.write_queue_size == 0:
        paused.discard(handle)
        handle.start_read(on_echo_read)


def on_echo_read(handle, data, error):
    if data is None:
        if error == pyuv.errno.UV_EOF:
            shutdown_and_close(handle)
        else:
            close(handle)
        return
    if handle.write_queue_size == 0:
        handle.write(data)
    else:
        handle.write(data, on_write_done)
        if handle.write_queue_size > HIGH_WATER:
            handle.stop_read()
            paused.add(handle)


def on_sink_read(handle, data, error):
    if data is None:
        if error == pyuv.errno.UV_EOF:
            handle.write(counts.pop(handle, 0).to_bytes(8, "little"))
            shutdown_and_close(handle)
        else:
            close(handle)
        return
    counts[handle] += len(data)


def on_hello_read(handle, data, error):
    if data is None:
        close(handle)


def on_connection(server, error):
    if error is not None:
        return
    client = pyuv.TCP(loop) if is_tcp else pyuv.Pipe(loop)
    server.accept(client)
    if is_tcp:
        client.nodelay(True)
    if mode == "echo":
        client.start_read(on_echo_read)
    elif mode == "sink":
        counts[client] = 0
        client.start_read(on_sink_read)
    elif mode == "hello":
        client.start_read(on_hello_read)
        client.write(b"x")
        client.shutdown()
    else:
        raise ValueError(f"unknown mode {mode}")


if is_tcp:
    server = pyuv.TCP(loop)
    server.bind((addr[:colon], int(addr[colon + 1 :])))
else:
    server = pyuv.Pipe(loop)
    server.bind(addr)
server.listen(on_connection, 511)
loop.run()
