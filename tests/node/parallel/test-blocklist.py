"""Port of test/parallel/test-blocklist.js.

JS ``null`` and ``undefined`` are both ``None`` here, and ``None`` plays ``undefined``
(docs/python-rules.md): where Node passes ``null`` as a *defaulted* ``family`` argument (and
expects ERR_INVALID_ARG_TYPE) the Python call would take the default, so those items are
left out of the lists; ``null``/``undefined`` as a required argument stays. ``1n``
(BigInt) has no Python twin distinct from ``1``.
"""

import re
from typing import Any

import pytest

from nodenet_uv import net
from nodenet_uv._internal.inspect import inspect, js_error_to_string
from nodenet_uv.testing import common

BlockList = net.BlockList
SocketAddress = net.SocketAddress


def _throws(fn: Any, code: str) -> None:
    with pytest.raises(Exception) as info:
        fn()
    common.check_error(info.value, {"code": code})


def _throws_match(fn: Any, pattern: str) -> None:
    # assert.throws(fn, /ERR_X/): the regex is tested against String(err), which for a
    # Node error is "Name [CODE]: message".
    with pytest.raises(Exception) as info:
        fn()
    assert re.search(pattern, js_error_to_string(info.value))


def test_argument_validation() -> None:
    block_list = BlockList()

    for i in [1, [], {}, None, 1, None, None]:
        _throws(lambda i=i: block_list.addAddress(i), "ERR_INVALID_ARG_TYPE")

    for i in [1, [], {}, 1]:  # null: see the module docstring
        _throws(lambda i=i: block_list.addAddress("1.1.1.1", i), "ERR_INVALID_ARG_TYPE")

    _throws(lambda: block_list.addAddress("1.1.1.1", "foo"), "ERR_INVALID_ARG_VALUE")

    for i in [1, [], {}, None, 1, None, None]:
        _throws(lambda i=i: block_list.addRange(i), "ERR_INVALID_ARG_TYPE")
        _throws(lambda i=i: block_list.addRange("1.1.1.1", i), "ERR_INVALID_ARG_TYPE")

    for i in [1, [], {}, 1]:  # null: see the module docstring
        _throws(lambda i=i: block_list.addRange("1.1.1.1", "1.1.1.2", i), "ERR_INVALID_ARG_TYPE")

    _throws(lambda: block_list.addRange("1.1.1.1", "1.1.1.2", "foo"), "ERR_INVALID_ARG_VALUE")


def test_add_address() -> None:
    block_list = BlockList()
    block_list.addAddress("1.1.1.1")
    block_list.addAddress("8592:757c:efae:4e45:fb5d:d62a:0d00:8e17", "ipv6")
    block_list.addAddress("::ffff:1.1.1.2", "ipv6")

    assert block_list.check("1.1.1.1")
    assert not block_list.check("1.1.1.1", "ipv6")
    assert not block_list.check("8592:757c:efae:4e45:fb5d:d62a:0d00:8e17")
    assert block_list.check("8592:757c:efae:4e45:fb5d:d62a:0d00:8e17", "ipv6")

    assert block_list.check("::ffff:1.1.1.1", "ipv6")
    assert block_list.check("::ffff:1.1.1.1", "IPV6")

    assert block_list.check("1.1.1.2")

    assert not block_list.check("1.2.3.4")
    assert not block_list.check("::1", "ipv6")


def test_add_address_socket_address() -> None:
    block_list = BlockList()
    sa1 = SocketAddress({"address": "1.1.1.1"})
    sa2 = SocketAddress({"address": "8592:757c:efae:4e45:fb5d:d62a:0d00:8e17", "family": "ipv6"})
    sa3 = SocketAddress({"address": "1.1.1.2"})

    block_list.addAddress(sa1)
    block_list.addAddress(sa2)
    block_list.addAddress("::ffff:1.1.1.2", "ipv6")

    assert block_list.check("1.1.1.1")
    assert block_list.check(sa1)
    assert not block_list.check("1.1.1.1", "ipv6")
    assert not block_list.check("8592:757c:efae:4e45:fb5d:d62a:0d00:8e17")
    assert block_list.check("8592:757c:efae:4e45:fb5d:d62a:0d00:8e17", "ipv6")
    assert block_list.check(sa2)

    assert block_list.check("::ffff:1.1.1.1", "ipv6")
    assert block_list.check("::ffff:1.1.1.1", "IPV6")

    assert block_list.check("1.1.1.2")
    assert block_list.check(sa3)

    assert not block_list.check("1.2.3.4")
    assert not block_list.check("::1", "ipv6")


def test_add_range() -> None:
    block_list = BlockList()
    block_list.addRange("1.1.1.1", "1.1.1.10")
    block_list.addRange("::1", "::f", "ipv6")

    assert not block_list.check("1.1.1.0")
    for n in range(1, 11):
        assert block_list.check(f"1.1.1.{n}")
    assert not block_list.check("1.1.1.11")

    assert not block_list.check("::0", "ipv6")
    for n in range(0x1, 0xF + 1):
        assert block_list.check(f"::{n:x}", "ipv6"), f"::{n:x} check failed"
    assert not block_list.check("::10", "ipv6")


def test_add_range_socket_address() -> None:
    block_list = BlockList()
    sa1 = SocketAddress({"address": "1.1.1.1"})
    sa2 = SocketAddress({"address": "1.1.1.10"})
    sa3 = SocketAddress({"address": "::1", "family": "ipv6"})
    sa4 = SocketAddress({"address": "::f", "family": "ipv6"})

    block_list.addRange(sa1, sa2)
    block_list.addRange(sa3, sa4)

    assert not block_list.check("1.1.1.0")
    for n in range(1, 11):
        assert block_list.check(f"1.1.1.{n}")
    assert not block_list.check("1.1.1.11")

    assert not block_list.check("::0", "ipv6")
    for n in range(0x1, 0xF + 1):
        assert block_list.check(f"::{n:x}", "ipv6"), f"::{n:x} check failed"
    assert not block_list.check("::10", "ipv6")


def test_add_subnet() -> None:
    block_list = BlockList()
    block_list.addSubnet("1.1.1.0", 16)
    block_list.addSubnet("8592:757c:efae:4e45::", 64, "ipv6")

    assert block_list.check("1.1.0.1")
    assert block_list.check("1.1.1.1")
    assert not block_list.check("1.2.0.1")
    assert block_list.check("::ffff:1.1.0.1", "ipv6")

    assert block_list.check("8592:757c:efae:4e45:f::", "ipv6")
    assert block_list.check("8592:757c:efae:4e45::f", "ipv6")
    assert not block_list.check("8592:757c:efae:4f45::f", "ipv6")


def test_add_subnet_socket_address() -> None:
    block_list = BlockList()
    sa1 = SocketAddress({"address": "1.1.1.0"})
    sa2 = SocketAddress({"address": "1.1.1.1"})
    block_list.addSubnet(sa1, 16)
    block_list.addSubnet("8592:757c:efae:4e45::", 64, "ipv6")

    assert block_list.check("1.1.0.1")
    assert block_list.check(sa2)
    assert not block_list.check("1.2.0.1")
    assert block_list.check("::ffff:1.1.0.1", "ipv6")

    assert block_list.check("8592:757c:efae:4e45:f::", "ipv6")
    assert block_list.check("8592:757c:efae:4e45::f", "ipv6")
    assert not block_list.check("8592:757c:efae:4f45::f", "ipv6")


def test_rules() -> None:
    block_list = BlockList()
    block_list.addAddress("1.1.1.1")
    block_list.addRange("10.0.0.1", "10.0.0.10")
    block_list.addSubnet("8592:757c:efae:4e45::", 64, "IpV6")  # Case insensitive

    rules_check = [
        "Subnet: IPv6 8592:757c:efae:4e45::/64",
        "Range: IPv4 10.0.0.1-10.0.0.10",
        "Address: IPv4 1.1.1.1",
    ]
    assert block_list.rules == rules_check

    assert block_list.check("1.1.1.1")
    assert block_list.check("10.0.0.5")
    assert block_list.check("::ffff:10.0.0.5", "ipv6")
    assert block_list.check("8592:757c:efae:4e45::f", "ipv6")

    assert not block_list.check("123.123.123.123")
    assert not block_list.check("8592:757c:efaf:4e45:fb5d:d62a:0d00:8e17", "ipv6")
    assert not block_list.check("::ffff:123.123.123.123", "ipv6")


def test_non_aligned_prefixes() -> None:
    # This test validates boundaries of non-aligned CIDR bit prefixes
    block_list = BlockList()
    block_list.addSubnet("10.0.0.0", 27)
    block_list.addSubnet("8592:757c:efaf::", 51, "ipv6")

    for n in range(0, 32):
        assert block_list.check(f"10.0.0.{n}")
    assert not block_list.check("10.0.0.32")

    assert block_list.check("8592:757c:efaf:0:0:0:0:0", "ipv6")
    assert block_list.check("8592:757c:efaf:1fff:ffff:ffff:ffff:ffff", "ipv6")
    assert not block_list.check("8592:757c:efaf:2fff:ffff:ffff:ffff:ffff", "ipv6")


def test_ipv4_range_checked_with_ipv6() -> None:
    # Regression test for https://github.com/nodejs/node/issues/39074
    block_list = BlockList()

    block_list.addRange("10.0.0.2", "10.0.0.10")

    # IPv4 checks against IPv4 range.
    assert block_list.check("10.0.0.2")
    assert block_list.check("10.0.0.10")
    assert not block_list.check("192.168.0.3")
    assert not block_list.check("2.2.2.2")
    assert not block_list.check("255.255.255.255")

    # IPv6 checks against IPv4 range.
    assert block_list.check("::ffff:0a00:0002", "ipv6")
    assert block_list.check("::ffff:0a00:000a", "ipv6")
    assert not block_list.check("::ffff:c0a8:0003", "ipv6")
    assert not block_list.check("::ffff:0202:0202", "ipv6")
    assert not block_list.check("::ffff:ffff:ffff", "ipv6")


def test_range_start_after_end() -> None:
    block_list = BlockList()
    _throws_match(lambda: block_list.addRange("1.1.1.2", "1.1.1.1"), "ERR_INVALID_ARG_VALUE")


def test_add_subnet_validation() -> None:
    block_list = BlockList()
    _throws_match(lambda: block_list.addSubnet(1), "ERR_INVALID_ARG_TYPE")
    _throws_match(lambda: block_list.addSubnet("1.1.1.1", ""), "ERR_INVALID_ARG_TYPE")
    _throws_match(lambda: block_list.addSubnet("1.1.1.1", float("nan")), "ERR_OUT_OF_RANGE")
    _throws_match(lambda: block_list.addSubnet("", 1, 1), "ERR_INVALID_ARG_TYPE")
    _throws_match(lambda: block_list.addSubnet("", 1, ""), "ERR_INVALID_ARG_VALUE")

    _throws_match(lambda: block_list.addSubnet("1.1.1.1", -1, "ipv4"), "ERR_OUT_OF_RANGE")
    _throws_match(lambda: block_list.addSubnet("1.1.1.1", 33, "ipv4"), "ERR_OUT_OF_RANGE")

    _throws_match(lambda: block_list.addSubnet("::", -1, "ipv6"), "ERR_OUT_OF_RANGE")
    _throws_match(lambda: block_list.addSubnet("::", 129, "ipv6"), "ERR_OUT_OF_RANGE")


def test_check_validation() -> None:
    block_list = BlockList()
    _throws_match(lambda: block_list.check(1), "ERR_INVALID_ARG_TYPE")
    _throws_match(lambda: block_list.check("", 1), "ERR_INVALID_ARG_TYPE")


def test_inspect_depth_minus_one() -> None:
    block_list = BlockList()
    ret = inspect(block_list, depth=-1)
    assert ret == "[BlockList]"


def test_inspect_depth_null() -> None:
    block_list = BlockList()
    ret = inspect(block_list, depth=None)
    assert "rules: []" in ret


def test_subnet_prefix_32() -> None:
    # Test for https://github.com/nodejs/node/issues/43360
    blocklist = BlockList()
    blocklist.addSubnet("1.1.1.1", 32, "ipv4")

    assert blocklist.check("1.1.1.1")
    assert not blocklist.check("1.1.1.2")
    assert not blocklist.check("2.3.4.5")


def test_is_block_list() -> None:
    assert BlockList.isBlockList(BlockList())
    assert not BlockList.isBlockList({})


def test_to_json_from_json() -> None:
    # Test exporting and importing the rule list to/from JSON
    import json

    rule_list = [
        "Address: IPv4 10.0.0.5",
        "Address: IPv6 ::",
        "Subnet: IPv4 192.168.1.0/24",
        "Subnet: IPv6 8592:757c:efae:4e45::/64",
    ]

    test2 = BlockList()
    test3 = BlockList()
    test4 = BlockList()
    test5 = BlockList()

    bl = BlockList()
    bl.addAddress("10.0.0.5")
    bl.addAddress("::", "ipv6")
    bl.addSubnet("192.168.1.0", 24)
    bl.addSubnet("8592:757c:efae:4e45::", 64, "ipv6")

    # Test invalid inputs (input to fromJSON must be an array of string rules or a
    # serialized json string of an array of string rules). JS null is None (undefined
    # here) and Symbol() has no Python value: 1, [1, 2, 3], '123' and a Map (dict) are
    # checked.
    for i in [1, [1, 2, 3], "123", {}]:
        _throws(lambda i=i: test2.fromJSON(i), "ERR_INVALID_ARG_TYPE")

    # Invalid rules are ignored.
    test2.fromJSON(["1", "2", "3"])
    assert test2.rules == []

    # Direct output from toJSON method works
    test2.fromJSON(bl.toJSON())
    assert sorted(test2.rules) == rule_list

    # JSON stringified output works (JSON.stringify(bl) calls bl.toJSON())
    test3.fromJSON(json.dumps(bl.toJSON()))
    assert sorted(test3.rules) == rule_list

    # A raw array works
    test4.fromJSON(rule_list)
    assert sorted(test4.rules) == rule_list

    # Individual rules work
    for item in rule_list:
        test5.fromJSON([item])
    assert sorted(test5.rules) == rule_list

    # Each of the created blocklists should handle the checks identically.
    for address, family, expected in [
        ("10.0.0.5", "ipv4", True),
        ("10.0.0.6", "ipv4", False),
        ("::", "ipv6", True),
        ("::1", "ipv6", False),
        ("192.168.1.0", "ipv4", True),
        ("193.168.1.0", "ipv4", False),
        ("8592:757c:efae:4e45::", "ipv6", True),
        ("1111:1111:1111:1111::", "ipv6", False),
    ]:
        assert bl.check(address, family) is expected
        assert test2.check(address, family) is expected
        assert test3.check(address, family) is expected
        assert test4.check(address, family) is expected
        assert test5.check(address, family) is expected
