"""Port of test/parallel/test-net-socket-write-error.js."""

import pytest

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_write_invalid_chunk_throws() -> None:
    def connect_to_server() -> None:
        def on_connect() -> None:
            client.on("error", common.mustNotCall())
            with pytest.raises(TypeError) as info:
                client.write(1337)
            common.check_error(info.value, {"code": "ERR_INVALID_ARG_TYPE", "name": "TypeError"})

            client.destroy()

        client = net.createConnection(server.address()["port"], on_connect)
        client.on("close", lambda: server.close())

    server = net.createServer().listen(0, connect_to_server)
    run()
