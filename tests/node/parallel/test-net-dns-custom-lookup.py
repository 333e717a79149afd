"""Port of test/parallel/test-net-dns-custom-lookup.js."""

from collections.abc import Callable
from typing import Any

from nodenet_uv import net, process, run
from nodenet_uv.testing import common


def check(address_type: int, cb: Callable[[], Any] | None = None) -> None:
    def on_connection(client: net.Socket) -> None:
        client.end()
        server.close()
        if cb:
            cb()

    server = net.createServer(on_connection)

    address = common.localhostIPv4 if address_type == 4 else "::1"

    def lookup(host: str, dnsopts: dict[str, Any], cb: Any) -> None:
        dnsopts["family"] = address_type

        if address_type == 4:

            def answer4() -> None:
                if dnsopts.get("all"):
                    cb(None, [{"address": common.localhostIPv4, "family": 4}])
                else:
                    cb(None, common.localhostIPv4, 4)

            process.nextTick(answer4)
        else:

            def answer6() -> None:
                if dnsopts.get("all"):
                    cb(None, [{"address": "::1", "family": 6}])
                else:
                    cb(None, "::1", 6)

            process.nextTick(answer6)

    def on_listening() -> None:
        def on_lookup(err: Any, ip: Any, type_: Any) -> None:
            assert err is None
            assert address == ip
            assert type_ == address_type

        net.connect(
            {
                "port": server.address()["port"],
                "host": "localhost",
                "family": address_type,
                "lookup": lookup,
            }
        ).on("lookup", common.mustCall(on_lookup))

    server.listen(0, address, common.mustCall(on_listening))


def test_custom_lookup() -> None:
    check(4, lambda: common.hasIPv6 and check(6))
    run()


def test_custom_lookup_invalid_address() -> None:
    def lookup(host: str, dnsopts: dict[str, Any], cb: Any) -> None:
        if dnsopts.get("all"):
            cb(None, [{"address": None, "family": 4}])
        else:
            cb(None, None, 4)

    net.connect({"host": "localhost", "port": 80, "lookup": lookup}).on(
        "error", common.expectsError({"code": "ERR_INVALID_IP_ADDRESS"})
    )
    run()
