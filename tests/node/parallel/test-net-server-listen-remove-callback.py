"""Port of test/parallel/test-net-server-listen-remove-callback.js."""

from nodenet_uv import net, run


def test_listen_callback_removed_after_close() -> None:
    # Server should only fire listen callback once
    server = net.createServer()

    def on_close() -> None:
        listeners = server.listeners("listening")
        assert len(listeners) == 0

    server.on("close", on_close)
    server.listen(0, lambda: server.close())
    server.once("close", lambda: server.listen(0, lambda: server.close()))
    run()
