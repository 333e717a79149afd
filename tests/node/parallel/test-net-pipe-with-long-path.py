"""Port of test/parallel/test-net-pipe-with-long-path.js."""

import os
from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_pipe_with_long_path() -> None:
    pipe_path = f"{common.tmpdir()}/{'x' * 10000}.sock"

    def on_listening() -> None:
        # The socket file must exist
        assert os.path.exists(pipe_path)

        def on_connect() -> None:
            socket.destroy()
            server.close()

        socket = net.connect(pipe_path, common.mustCall(on_connect))

    def on_server_error(error: Any) -> None:
        assert error.code == "EINVAL", error.message

        def on_client_error(error: Any) -> None:
            assert error.code == "EINVAL", error.message

        net.connect(pipe_path).on("error", common.mustCall(on_client_error))

    server = (
        net.createServer()
        .listen(pipe_path)
        # It may work on some operating systems
        .on("listening", on_listening)
        .on("error", on_server_error)
    )
    run()
