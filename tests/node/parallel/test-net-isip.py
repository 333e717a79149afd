"""Port of test/parallel/test-net-isip.js."""

from nodenet_uv import net


class _ToString:
    """A JS object with its own toString (``{ toString: () => s }``)."""

    def __init__(self, s: str) -> None:
        self._s = s

    def __str__(self) -> str:
        return self._s


def test_is_ip() -> None:
    assert net.isIP("127.0.0.1") == 4
    assert net.isIP("x127.0.0.1") == 0
    assert net.isIP("example.com") == 0
    assert net.isIP("0000:0000:0000:0000:0000:0000:0000:0000") == 6
    assert net.isIP("0000:0000:0000:0000:0000:0000:0000:0000::0000") == 0
    assert net.isIP("1050:0:0:0:5:600:300c:326b") == 6
    assert net.isIP("2001:252:0:1::2008:6") == 6
    assert net.isIP("2001:dead:beef:1::2008:6") == 6
    assert net.isIP("2001::") == 6
    assert net.isIP("2001:dead::") == 6
    assert net.isIP("2001:dead:beef::") == 6
    assert net.isIP("2001:dead:beef:1::") == 6
    assert net.isIP("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff") == 6
    assert net.isIP(":2001:252:0:1::2008:6:") == 0
    assert net.isIP(":2001:252:0:1::2008:6") == 0
    assert net.isIP("2001:252:0:1::2008:6:") == 0
    assert net.isIP("2001:252::1::2008:6") == 0
    assert net.isIP("::2001:252:1:2008:6") == 6
    assert net.isIP("::2001:252:1:1.1.1.1") == 6
    assert net.isIP("::2001:252:1:255.255.255.255") == 6
    assert net.isIP("::2001:252:1:255.255.255.255.76") == 0
    assert net.isIP("fe80::2008%eth0") == 6
    assert net.isIP("fe80::2008%eth0.0") == 6
    assert net.isIP("fe80::2008%eth0@1") == 0
    assert net.isIP("::anything") == 0
    assert net.isIP("::1") == 6
    assert net.isIP("::") == 6
    assert net.isIP("0000:0000:0000:0000:0000:0000:12345:0000") == 0
    assert net.isIP("0") == 0
    assert net.isIP() == 0
    assert net.isIP("") == 0
    assert net.isIP(None) == 0  # null
    assert net.isIP(123) == 0
    assert net.isIP(True) == 0
    assert net.isIP({}) == 0
    assert net.isIP(_ToString("::2001:252:1:255.255.255.255")) == 6
    assert net.isIP(_ToString("127.0.0.1")) == 4
    assert net.isIP(_ToString("bla")) == 0


def test_is_ipv4() -> None:
    assert net.isIPv4("127.0.0.1") is True
    assert net.isIPv4("example.com") is False
    assert net.isIPv4("2001:252:0:1::2008:6") is False
    assert net.isIPv4() is False
    assert net.isIPv4("") is False
    assert net.isIPv4(None) is False  # null
    assert net.isIPv4(123) is False
    assert net.isIPv4(True) is False
    assert net.isIPv4({}) is False
    assert net.isIPv4(_ToString("::2001:252:1:255.255.255.255")) is False
    assert net.isIPv4(_ToString("127.0.0.1")) is True
    assert net.isIPv4(_ToString("bla")) is False


def test_is_ipv6() -> None:
    assert net.isIPv6("127.0.0.1") is False
    assert net.isIPv6("example.com") is False
    assert net.isIPv6("2001:252:0:1::2008:6") is True
    assert net.isIPv6() is False
    assert net.isIPv6("") is False
    assert net.isIPv6(None) is False  # null
    assert net.isIPv6(123) is False
    assert net.isIPv6(True) is False
    assert net.isIPv6({}) is False
    assert net.isIPv6(_ToString("::2001:252:1:255.255.255.255")) is True
    assert net.isIPv6(_ToString("127.0.0.1")) is False
    assert net.isIPv6(_ToString("bla")) is False


def test_snake_case_twins() -> None:
    assert net.is_ip is net.isIP
    assert net.is_ipv4 is net.isIPv4
    assert net.is_ipv6 is net.isIPv6
