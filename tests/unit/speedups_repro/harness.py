"""Minimal echo harness (from tests/unit/test_speedups.py::echo_exchange)."""

import pyuv

from nodenet_uv import net, run
from nodenet_uv._binding import loop as _loop


def echo(prepare=lambda s: None, rounds=6, on_data=None):
    out = {"server_data": [], "echoed": bytearray(), "events": []}
    msgs = [bytes([65 + i]) * (10 + i) for i in range(rounds)]
    loop = _loop.loop

    def on_connection(sock):
        out["sock"] = sock
        prepare(sock)

        def data(chunk):
            out["server_data"].append(chunk)
            if on_data is not None:
                on_data(sock, chunk)
            else:
                sock.write(chunk if isinstance(chunk, bytes) else chunk.encode())

        sock.on("data", data)
        sock.on("end", lambda: (out["events"].append("end"), sock.end()))
        sock.on("close", lambda *_: (out["events"].append("close"), server.close()))
        sock.on("error", lambda err: out["events"].append(("error", getattr(err, "code", err))))

    server = net.createServer(on_connection)
    state = {"i": 0}

    def client_on_read(h, data, error):
        if data is None:
            h.close()
            return
        out["echoed"].extend(data)
        if len(out["echoed"]) < sum(len(m) for m in msgs[: state["i"]]):
            return
        if state["i"] < rounds:
            h.write(msgs[state["i"]])
            state["i"] += 1
        else:
            h.shutdown()

    def client_on_connect(h, error):
        h.start_read(client_on_read)
        h.write(msgs[0])
        state["i"] = 1

    def on_listening():
        c = pyuv.TCP(loop)
        c.connect(("127.0.0.1", server.address()["port"]), client_on_connect)

    server.listen(0, "127.0.0.1", on_listening)
    run()
    return out


def mode():
    try:
        from nodenet_uv import _speedups  # noqa: F401

        return "C"
    except ImportError:
        return "PURE"
