"""net behaviours new in Node 24 (lib/net.js v24.22.3), each checked against node 24's
own output (the messages below are node 24's)."""

from __future__ import annotations

import math
from typing import Any

import pytest

from nodenet_uv import dns, net, run
from nodenet_uv.testing import common


def _raises(fn: Any) -> tuple[str, str]:
    with pytest.raises(Exception) as info:
        fn()
    return info.value.code, str(info.value)  # type: ignore[attr-defined]


def test_connect_host_must_be_a_string_without_null_bytes() -> None:
    assert _raises(lambda: net.connect({"port": 80, "host": 1})) == (
        "ERR_INVALID_ARG_TYPE",
        'The "options.host" property must be of type string. Received type number (1)',
    )
    assert _raises(lambda: net.connect({"port": 80, "host": "a\0b"})) == (
        "ERR_INVALID_ARG_VALUE",
        "The property 'options.host' must be a string without null bytes. Received 'a\\x00b'",
    )


def test_type_of_service_validation_and_cache() -> None:
    assert _raises(lambda: net.Socket({"typeOfService": 256})) == (
        "ERR_OUT_OF_RANGE",
        'The value of "options.typeOfService" is out of range. It must be >= 0 && <= 255. '
        "Received 256",
    )
    assert _raises(lambda: net.Socket({"typeOfService": "1"})) == (
        "ERR_INVALID_ARG_TYPE",
        "The \"options.typeOfService\" property must be of type number. Received type string ('1')",
    )
    assert _raises(lambda: net.Socket().setTypeOfService(math.nan)) == (
        "ERR_INVALID_ARG_TYPE",
        'The "tos" argument must be of type number. Received type number (NaN)',
    )
    assert _raises(lambda: net.Socket().setTypeOfService(1.5)) == (
        "ERR_OUT_OF_RANGE",
        'The value of "tos" is out of range. It must be an integer. Received 1.5',
    )
    assert net.Socket().getTypeOfService() == 0
    assert net.Socket().setTypeOfService(16).getTypeOfService() == 16
    assert net.Socket({"typeOfService": 8}).get_type_of_service() == 8


def test_type_of_service_kept_on_a_connected_socket() -> None:
    # node v24.22.3: while connecting the handle has no socket yet, so setTypeOfService
    # throws EBADF after caching the value (kSetTOS); afterConnect applies it, and
    # getTypeOfService() then reads 16 from the socket.
    server = net.createServer(lambda s: s.end())
    seen: dict[str, Any] = {}

    def on_listening() -> None:
        client = net.connect(server.address()["port"], "127.0.0.1")
        with pytest.raises(OSError) as info:
            client.setTypeOfService(0x10)
        assert (info.value.code, str(info.value)) == ("EBADF", "setTypeOfService EBADF")

        def on_connect() -> None:
            seen["tos"] = client.getTypeOfService()
            client.destroy()
            server.close()

        client.on("connect", common.mustCall(on_connect))

    server.listen(0, "127.0.0.1", common.mustCall(on_listening))
    run()
    assert seen["tos"] == 0x10


def test_set_keep_alive_options_form() -> None:
    s = net.Socket()
    assert s.setKeepAlive({"enable": True, "initialDelay": 2000, "interval": 3000, "count": 4}) is s
    assert s._k_set_keep_alive is True
    assert s._k_set_keep_alive_initial_delay == 2
    assert s._k_set_keep_alive_interval == 3
    assert s._k_set_keep_alive_count == 4


def test_keep_alive_applied_on_connect() -> None:
    server = net.createServer(lambda s: s.end())
    calls: list[Any] = []

    def on_listening() -> None:
        client = net.connect(server.address()["port"], "127.0.0.1")
        client.setKeepAlive(True, 5000)

        def on_connect() -> None:
            import socket

            sock = socket.socket(fileno=client._handle.fd)
            try:
                calls.append(sock.getsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE))
                calls.append(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE))
            finally:
                sock.detach()
            client.destroy()
            server.close()

        client.on("connect", common.mustCall(on_connect))

    server.listen(0, "127.0.0.1", common.mustCall(on_listening))
    run()
    assert calls == [1, 5]


def test_block_list_option_validation() -> None:
    expected = (
        "ERR_INVALID_ARG_TYPE",
        'The "options.blockList" property must be an net.BlockList. Received type number (1)',
    )
    assert _raises(lambda: net.createServer({"blockList": 1})) == expected
    assert _raises(lambda: net.Socket({"blockList": 1})) == expected
    assert net.Socket({"blockList": 0}).blockList is None  # falsy: ignored, as in Node
    bl = net.BlockList()
    assert net.createServer(blockList=bl).blockList is bl


def test_set_simultaneous_accepts_removed() -> None:
    assert not hasattr(net, "_setSimultaneousAccepts")


def test_max_connections_zero_drops_everything() -> None:
    # Node 24: `maxConnections != null` (Node 20 treated 0 as no limit).
    server = net.createServer(common.mustNotCall())
    server.maxConnections = 0
    drops: list[Any] = []

    def on_listening() -> None:
        client = net.connect(server.address()["port"], "127.0.0.1")
        client.on("error", lambda err: None)
        client.on("close", lambda: server.close())

    server.on("drop", lambda data: drops.append(sorted(data)))
    server.listen(0, "127.0.0.1", common.mustCall(on_listening))
    run()
    assert drops == [
        [
            "localAddress",
            "localFamily",
            "localPort",
            "remoteAddress",
            "remoteFamily",
            "remotePort",
        ]
    ]


def test_custom_lookup_non_string_ip_is_invalid() -> None:
    # `(typeof ip !== 'string') || !isIP(ip)`
    errs: list[Any] = []
    client = net.connect(
        port=9,
        host="x.invalid",
        autoSelectFamily=False,
        lookup=lambda host, opts, cb: cb(None, 1, 4),
    )
    client.on("error", lambda err: errs.append((err.code, str(err))))
    run()
    assert errs == [("ERR_INVALID_IP_ADDRESS", "Invalid IP address: 1")]


def test_listen_skips_ipv6_link_local_addresses(monkeypatch: pytest.MonkeyPatch) -> None:
    # lookupAndListen: dns.lookup(address, {all: true}) and filterOnlyValidAddress.
    seen: dict[str, Any] = {}

    def fake_lookup(host: Any, options: Any, cb: Any) -> None:
        seen["options"] = options
        cb(None, [{"address": "fe80::1", "family": 6}, {"address": "127.0.0.1", "family": 4}])

    monkeypatch.setattr(dns, "lookup", fake_lookup)
    server = net.createServer()

    def on_listening() -> None:
        seen["address"] = server.address()["address"]
        server.close()

    server.listen(0, "localhost", common.mustCall(on_listening))
    run()
    assert seen == {"options": {"all": True}, "address": "127.0.0.1"}
    assert net.isIpv6LinkLocal("fe80::1") and net.isIpv6LinkLocal("febf::1")
    assert not net.isIpv6LinkLocal("fec0::1") and not net.isIpv6LinkLocal("127.0.0.1")
    assert net.filterOnlyValidAddress([{"address": "fe80::2"}]) == {"address": "fe80::2"}


def test_end_on_a_never_connected_socket_finishes() -> None:
    # Socket.prototype._final waits for 'connect' only while connecting (Node 24:
    # this.connecting; Node 20 used this.pending, true for a socket with no handle).
    s = net.Socket()
    events: list[str] = []
    for name in ("prefinish", "finish", "close"):
        s.on(name, lambda *_, name=name: events.append(name))
    s.end()
    run()
    assert events == ["prefinish", "finish"]
    assert s.writableFinished and not s.destroyed


def test_dns_lookup_hostname_without_null_bytes() -> None:
    assert _raises(lambda: dns.lookup("a\0b", lambda *a: None)) == (
        "ERR_INVALID_ARG_VALUE",
        "The argument 'hostname' must be a string without null bytes. Received 'a\\x00b'",
    )


def test_bound_socket_dispose_and_accessors() -> None:
    with net.BoundSocket({"host": "127.0.0.1"}) as bound:
        assert bound.fd() >= 0
        assert bound.isPipe is False and bound.is_pipe is False
        port = bound.address()["port"]
        assert port > 0
    # `using`: disposed (closed) at the end of the block; disposing again is a no-op.
    bound.__exit__(None, None, None)
    assert _raises(bound.fd) == (
        "ERR_SOCKET_HANDLE_ADOPTED",
        "The bound socket has already been adopted by a server or socket",
    )
    # The port is free again.
    again = net.BoundSocket({"host": "127.0.0.1", "port": port})
    again.close()


def test_bound_socket_adopted_by_listen_options_handle() -> None:
    bound = net.BoundSocket(host="127.0.0.1", reusePort=True)
    port = bound.address()["port"]
    server = net.createServer()
    seen: dict[str, Any] = {}

    def on_listening() -> None:
        seen["port"] = server.address()["port"]
        server.close()

    server.listen({"handle": bound}, common.mustCall(on_listening))
    run()
    assert seen == {"port": port}
    assert _raises(bound.close)[0] == "ERR_SOCKET_HANDLE_ADOPTED"


def test_bound_socket_adopted_then_connect_error_is_deferred() -> None:
    # No lookup for an adopted socket: connect(2) in the same tick; a failure still
    # arrives as an 'error' event.
    probe = net.BoundSocket({"host": "127.0.0.1"})
    dead_port = probe.address()["port"]
    probe.close()
    client = net.Socket({"handle": net.BoundSocket({"host": "127.0.0.1"})})
    errs: list[str] = []
    client.on("error", lambda err: errs.append(err.code))
    client.connect(dead_port, "127.0.0.1")
    assert client.connecting and client.localAddress == "127.0.0.1"
    run()
    assert errs == ["ECONNREFUSED"]


def test_on_write_complete_reports_an_error_even_after_destroy() -> None:
    # internal/stream_base_commons.js onWriteComplete (Node 24): `status < 0` is checked
    # before `stream.destroyed` (Node 20 called back with null for a destroyed stream).
    from types import SimpleNamespace

    from nodenet_uv._binding import uv
    from nodenet_uv._binding.stream_wrap import WriteWrap
    from nodenet_uv._stream_base_commons import onWriteComplete

    got: list[Any] = []
    req = WriteWrap()
    req.handle = SimpleNamespace(owner=SimpleNamespace(destroyed=True))
    req.callback = lambda err=None: got.append(err)
    onWriteComplete(req, uv.UV_EPIPE)
    assert [(e.code, e.syscall) for e in got] == [("EPIPE", "write")]
    got.clear()
    onWriteComplete(req, 0)
    assert got == [None]
