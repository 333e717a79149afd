"""Port of test/parallel/test-socketaddress.js.

Node runs it with --expose-internals for the last block (``InternalSocketAddress`` around
a ``internalBinding('block_list').SocketAddress`` handle); our internals are plain
modules, so it is ported as is. The first block also posts the address through a
``MessageChannel`` (structured clone to a worker port): there is no worker_threads twin,
so that part is left out; everything else is kept.
"""

from typing import Any

import pytest

from nodenet_uv import net
from nodenet_uv._socketaddress import AF_INET, InternalSocketAddress
from nodenet_uv._socketaddress import _SocketAddress as _SocketAddressHandle
from nodenet_uv.testing import common

SocketAddress = net.SocketAddress


def _throws(fn: Any, code: str) -> None:
    with pytest.raises(Exception) as info:
        fn()
    common.check_error(info.value, {"code": code})


def test_default() -> None:
    sa = SocketAddress()
    assert sa.address == "127.0.0.1"
    assert sa.port == 0
    assert sa.family == "ipv4"
    assert sa.flowlabel == 0
    # (MessageChannel round trip left out, see the module docstring.)
    assert SocketAddress.isSocketAddress(sa)


def test_empty_options() -> None:
    sa = SocketAddress({})
    assert sa.address == "127.0.0.1"
    assert sa.port == 0
    assert sa.family == "ipv4"
    assert sa.flowlabel == 0


def test_address() -> None:
    sa = SocketAddress({"address": "123.123.123.123"})
    assert sa.address == "123.123.123.123"
    assert sa.port == 0
    assert sa.family == "ipv4"
    assert sa.flowlabel == 0


def test_address_and_port() -> None:
    sa = SocketAddress({"address": "123.123.123.123", "port": 80})
    assert sa.address == "123.123.123.123"
    assert sa.port == 80
    assert sa.family == "ipv4"
    assert sa.flowlabel == 0


def test_ipv6() -> None:
    sa = SocketAddress({"family": "ipv6"})
    assert sa.address == "::"
    assert sa.port == 0
    assert sa.family == "ipv6"
    assert sa.flowlabel == 0


def test_ipv6_flowlabel() -> None:
    sa = SocketAddress({"family": "ipv6", "flowlabel": 1})
    assert sa.address == "::"
    assert sa.port == 0
    assert sa.family == "ipv6"
    assert sa.flowlabel == 1


def test_validation() -> None:
    for i in [1, False, "hello"]:
        _throws(lambda i=i: SocketAddress(i), "ERR_INVALID_ARG_TYPE")

    for family in [1, False, {}, [], "test"]:
        _throws(lambda family=family: SocketAddress({"family": family}), "ERR_INVALID_ARG_VALUE")

    for address in [1, False, {}, []]:
        _throws(lambda address=address: SocketAddress({"address": address}), "ERR_INVALID_ARG_TYPE")

    for port in [-1, False, {}, []]:
        _throws(lambda port=port: SocketAddress({"port": port}), "ERR_SOCKET_BAD_PORT")

    _throws(lambda: SocketAddress({"flowlabel": -1}), "ERR_OUT_OF_RANGE")


def test_internal_socket_address() -> None:
    # Test that the internal helper class InternalSocketAddress correctly
    # inherits from SocketAddress and that it does not throw when its properties
    # are accessed.
    address = "127.0.0.1"
    port = 8080
    flowlabel = 0
    handle = _SocketAddressHandle(address, port, AF_INET, flowlabel)
    addr = InternalSocketAddress(handle)
    assert isinstance(addr, SocketAddress)
    assert addr.address == address
    assert addr.port == port
    assert addr.family == "ipv4"
    assert addr.flowlabel == flowlabel
