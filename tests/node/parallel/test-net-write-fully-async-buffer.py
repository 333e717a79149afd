"""Port of test/parallel/test-net-write-fully-async-buffer.js.

Regression test for https://github.com/nodejs/node/issues/8251: buffers queued for an
asynchronous write must stay alive until written. ``globalThis.gc({type: 'minor'})`` is
``gc.collect(0)`` (the youngest generation).
"""

import gc

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_write_fully_async_buffer() -> None:
    data = bytes(1000000)

    def on_connection(conn: net.Socket) -> None:
        conn.resume()
        server.close()

    server = net.createServer(common.mustCall(on_connection))

    def on_listening() -> None:
        def on_connect() -> None:
            count = 0

            def write_loop() -> None:
                nonlocal count
                count += 1
                if count - 1 == 20:
                    conn.end()
                    return

                while conn.write(bytes(bytearray(data))):
                    pass
                gc.collect(0)
                # The buffer allocated above should still be alive.

            conn.on("drain", write_loop)

            write_loop()

        conn = net.createConnection(server.address()["port"], common.mustCall(on_connect))

    server.listen(0, common.mustCall(on_listening))
    run()
