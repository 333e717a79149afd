"""Port of test/parallel/test-net-error-twice.js."""

from typing import Any

from nodenet_uv import net, run


def test_error_not_emitted_twice() -> None:
    buf = b"\x62" * (10 * 1024 * 1024)
    errs: list[BaseException] = []
    state: dict[str, Any] = {"client": None, "server": None}

    def ready() -> None:
        if state["client"] is not None and state["server"] is not None:
            state["client"].destroy()
            state["server"].write(buf)

    def on_connection(conn: net.Socket) -> None:
        def on_error(err: BaseException) -> None:
            errs.append(err)
            if len(errs) > 1 and errs[0] is errs[1]:
                raise AssertionError("Should not emit the same error twice")

        conn.on("error", on_error)
        conn.on("close", lambda: server.unref())
        state["server"] = conn
        ready()

    def on_listening() -> None:
        client = net.connect({"port": server.address()["port"]})

        def on_connect() -> None:
            state["client"] = client
            ready()

        client.on("connect", on_connect)

    server = net.createServer(on_connection).listen(0, on_listening)
    run()
    # process.on('exit')
    assert len(errs) == 1
    # The port's end: Node's process exits with these unref'ed handles open; here the
    # next test shares the loop, so close what is left (the leak check counts them).
    server.close()
    run()
