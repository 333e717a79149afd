"""A cluster worker on nodenet_uv (tests/interop/test_cluster_interop.py): each connection
sends one line ``ping N``; the worker answers ``pong N py<id> <payload>`` and ends. The
same program as cluster_worker.js."""

from nodenet_uv import cluster, net, run

assert cluster.worker is not None
TAG = f"py{cluster.worker.id}"
PAD = "x" * 200  # the reply is a few hundred bytes: a short one is a dropped tail


def on_connection(sock: net.Socket) -> None:
    buf: list[bytes] = []

    def on_data(chunk: bytes) -> None:
        buf.append(chunk)
        if chunk.endswith(b"\n"):
            n = b"".join(buf).split()[1].decode()
            sock.end(f"pong {n} {TAG} {PAD}\n")

    sock.on("data", on_data)
    sock.on("error", lambda err: sock.destroy())


net.createServer(on_connection).listen(0, "127.0.0.1")
run()
