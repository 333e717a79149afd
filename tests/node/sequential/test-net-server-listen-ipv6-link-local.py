"""Port of test/sequential/test-net-server-listen-ipv6-link-local.js.

``mock.method(dns, 'lookup', fn)`` is ``monkeypatch.setattr(dns, "lookup", fn)`` (net
looks ``dns.lookup`` up at call time, as Node's net.js does); ``dns.lookup.wrappedMethod``
is the real ``dns.lookup``. The four blocks run in one loop, as in the Node file.
"""

from typing import Any

import pytest

from nodenet_uv import dns, net, run
from nodenet_uv.testing import common

REAL_LOOKUP = dns.lookup

MANY_ENTRIES = [
    "fe80::1",
    "fe80::abcd:1234",
    "fe80::1ff:fe23:4567:890a",
    "fe80::200:5aee:feaa:20a2",
    "fe80::f2de:f1ff:fe2b:3c4b",
    "fe81::1",
    "fe82::abcd:1234",
    "fe83::1ff:fe23:4567:890a",
    "fe84::200:5aee:feaa:20a2",
    "fe85::f2de:f1ff:fe2b:3c4b",
    "fe86::1",
    "fe87::abcd:1234",
    "fe88::1ff:fe23:4567:890a",
    "fe89::200:5aee:feaa:20a2",
    "fe8a::f2de:f1ff:fe2b:3c4b",
    "fe8b::1",
    "fe8c::abcd:1234",
    "fe8d::1ff:fe23:4567:890a",
    "fe8e::200:5aee:feaa:20a2",
    "fe8f::f2de:f1ff:fe2b:3c4b",
    "fea0::1",
    "febf::abcd:1234",
    "febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
]


def test_listen_ipv6_link_local(monkeypatch: pytest.MonkeyPatch) -> None:
    if not common.hasIPv6:
        pytest.skip("IPv6 support is required for this test")

    # 1: the lookup fails.
    def lookup_error(hostname: Any, options: Any, callback: Any) -> None:
        callback(Exception("Mocked error"))

    monkeypatch.setattr(dns, "lookup", lookup_error)
    host = "ipv6-link-local"
    server1 = net.createServer()

    def on_error1(e: Any) -> None:
        assert str(e) == "Mocked error"

    server1.on("error", common.mustCall(on_error1))
    server1.listen(common.PORT + 2, host)

    # 2: a link-local address only: listen fails on it.
    def lookup_link_local(hostname: Any, options: Any, callback: Any) -> None:
        if hostname == "ipv6-link-local":
            callback(None, [{"address": "fe80::1", "family": 6}])
        else:
            REAL_LOOKUP(hostname, options, callback)

    monkeypatch.setattr(dns, "lookup", lookup_link_local)
    server2 = net.createServer()

    def on_error2(e: Any) -> None:
        assert e.address == "fe80::1"
        assert e.syscall == "listen"

    server2.on("error", common.mustCall(on_error2))
    server2.listen(common.PORT + 2, host)

    # 3: many link-local addresses, then 127.0.0.1: listens on 127.0.0.1.
    def lookup_many(hostname: Any, options: Any, callback: Any) -> None:
        if hostname == "ipv6-link-local-with-many-entries":
            callback(
                None,
                [{"address": a, "family": 6} for a in MANY_ENTRIES]
                + [{"address": "127.0.0.1", "family": 4}],
            )
        else:
            REAL_LOOKUP(hostname, options, callback)

    monkeypatch.setattr(dns, "lookup", lookup_many)
    server3 = net.createServer()
    server3.on("error", common.mustNotCall())

    def on_listening3() -> None:
        address = server3.address()
        assert address["address"] == "127.0.0.1"
        assert address["port"] == common.PORT + 3
        assert address["family"] == "IPv4"
        server3.close()

    server3.listen(
        common.PORT + 3, "ipv6-link-local-with-many-entries", common.mustCall(on_listening3)
    )

    # 4: a link-local address, then ::1: listens on ::1.
    host = "ipv6-link-local-with-double-entry"
    valid_ipv6_address = "::1"

    def lookup_double(hostname: Any, options: Any, callback: Any) -> None:
        if hostname == "ipv6-link-local-with-double-entry":
            callback(
                None,
                [{"address": "fe80::1", "family": 6}, {"address": valid_ipv6_address, "family": 6}],
            )
        else:
            REAL_LOOKUP(hostname, options, callback)

    monkeypatch.setattr(dns, "lookup", lookup_double)
    server4 = net.createServer()
    server4.on("error", common.mustNotCall())

    def on_listening4() -> None:
        address = server4.address()
        assert address["address"] == valid_ipv6_address
        assert address["port"] == common.PORT + 4
        assert address["family"] == "IPv6"
        server4.close()

    server4.listen(common.PORT + 4, host, common.mustCall(on_listening4))
    run()
