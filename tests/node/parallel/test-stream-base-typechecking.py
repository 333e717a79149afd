"""Port of test/parallel/test-stream-base-typechecking.js."""

import pytest

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_write_with_buffer_encoding_needs_buffer() -> None:
    server = net.createServer()

    def on_listening():
        def on_connect():
            with pytest.raises(TypeError) as info:
                client.write("broken", "buffer")
            common.check_error(
                info.value,
                {
                    "name": "TypeError",
                    "code": "ERR_INVALID_ARG_TYPE",
                    "message": "Second argument must be a buffer",
                },
            )
            client.destroy()
            server.close()

        client = net.connect(server.address()["port"], common.mustCall(on_connect))

    server.listen(0, common.mustCall(on_listening))
    run()
