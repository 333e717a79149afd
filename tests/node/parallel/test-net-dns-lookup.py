"""Port of test/parallel/test-net-dns-lookup.js."""

import re
from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing import common


def test_dns_lookup() -> None:
    def on_connection(client: net.Socket) -> None:
        client.end()
        server.close()

    server = net.createServer(on_connection)

    def on_listening() -> None:
        def on_lookup(err: Any, ip: Any, type_: Any, host: Any) -> None:
            assert err is None
            assert re.search(r"^(127\.0\.0\.1|::1)$", ip)
            assert re.search(r"^(4|6)$", str(type_))
            assert host == "localhost"

        net.connect(server.address()["port"], "localhost").on(
            "lookup", common.mustCallAtLeast(on_lookup, 1)
        )

    server.listen(0, common.mustCall(on_listening))
    run()
