"""Port of test/parallel/test-net-pipe-connect-errors.js.

Test if ENOTSOCK is fired when trying to connect to a file which is not a socket.
"""

import os
import shutil
from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_pipe_connect_errors() -> None:
    # tmpdir.refresh()
    shutil.rmtree(common.tmpdir(), ignore_errors=True)
    os.makedirs(common.tmpdir(), exist_ok=True)
    # Keep the file name very short so that we don't exceed the 108 char limit on CI for
    # a POSIX socket. Even though this isn't actually a socket file, the error will be
    # different from the one we are expecting if we exceed the limit.
    empty_txt = f"{common.tmpdir()}0.txt"

    def cleanup() -> None:
        try:
            os.unlink(empty_txt)
        except OSError as e:
            assert e.errno == 2  # ENOENT

    cleanup()
    with open(empty_txt, "w"):
        pass

    try:

        def not_socket_connect() -> None:
            raise AssertionError("connection callback should not run")

        not_socket_client = net.createConnection(empty_txt, not_socket_connect)

        def on_not_socket_error(err: Any) -> None:
            assert err.code in ("ENOTSOCK", "ECONNREFUSED"), (
                f"received {err.code} instead of ENOTSOCK or ECONNREFUSED"
            )

        not_socket_client.on("error", common.mustCall(on_not_socket_error))

        # Trying to connect to not-existing socket should result in ENOENT error
        def no_ent_connect() -> None:
            raise AssertionError("connection to non-existent socket, callback should not run")

        no_ent_socket_client = net.createConnection("no-ent-file", no_ent_connect)

        def on_no_ent_error(err: Any) -> None:
            assert err.code == "ENOENT"

        no_ent_socket_client.on("error", common.mustCall(on_no_ent_error))

        # On Windows or IBMi or when running as root, a chmod has no effect on named pipes
        if not common.isWindows and os.getuid() != 0:
            # Trying to connect to a socket one has no access to should result in EACCES
            access_server = net.createServer(common.mustNotCall("server callback should not run"))

            def on_listening() -> None:
                os.chmod(common.PIPE, 0)

                def access_connect() -> None:
                    raise AssertionError("connection should get EACCES, callback should not run")

                access_client = net.createConnection(common.PIPE, access_connect)

                def on_access_error(err: Any) -> None:
                    assert err.code == "EACCES"
                    access_server.close()

                access_client.on("error", common.mustCall(on_access_error))

            access_server.listen(common.PIPE, common.mustCall(on_listening))
        run()
    finally:
        # process.on('exit', cleanup)
        cleanup()
