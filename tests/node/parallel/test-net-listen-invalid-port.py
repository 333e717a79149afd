"""Port of test/parallel/test-net-listen-invalid-port.js."""

import pytest

from nodenet_uv import net, run
from nodenet_uv.testing import common

# This test ensures that port numbers are validated in *all* kinds of `listen()`
# calls. If an invalid port is supplied, ensures a `RangeError` is thrown.
INVALID_PORT = -1 & 0xFFFFFFFF  # -1 >>> 0

EXPECTED = {"code": "ERR_SOCKET_BAD_PORT", "name": "RangeError"}


def test_connection_key_and_invalid_ports() -> None:
    server = net.Server()

    def on_listening() -> None:
        address = server.address()
        key = f"{address['family'][-1]}:{address['address']}:0"
        assert server._connectionKey == key
        server.close()

    server.listen(0, on_listening)

    with pytest.raises(ValueError) as info:
        net.Server().listen({"port": INVALID_PORT}, common.mustNotCall())
    common.check_error(info.value, EXPECTED)

    with pytest.raises(ValueError) as info:
        net.Server().listen(INVALID_PORT, common.mustNotCall())
    common.check_error(info.value, EXPECTED)

    with pytest.raises(ValueError) as info:
        net.Server().listen(INVALID_PORT, "0.0.0.0", common.mustNotCall())
    common.check_error(info.value, EXPECTED)
    run()
