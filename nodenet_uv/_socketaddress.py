"""Port of Node.js lib/internal/socketaddress.js (v24.22.3): ``SocketAddress``.

The C++ half (``internalBinding('block_list').SocketAddress``, src/node_sockaddr.cc) is
:class:`_SocketAddress` here: it parses the address the way libuv's ``uv_ip4_addr`` /
``uv_ip6_addr`` do and prints it the way ``uv_inet_ntop`` does (which is not always how
Python's ``ipaddress`` prints it: ``::ffff:1.2.3.4``, ``::1.2.3.4``, ``::0.1.0.2``).

Every address also carries ``mapped``: its 128-bit value, with an IPv4 address taken as
its IPv4-mapped IPv6 form (``::ffff:a.b.c.d``). The block list's matching rules
(``SocketAddress::is_match``, ``compare``, ``is_in_network``) all reduce to integer
operations on that value (see ``_blocklist.py``).
"""

from __future__ import annotations

import ipaddress
import socket
import unicodedata
import urllib.parse
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Final

from nodenet_uv import _validators, errors
from nodenet_uv._internal.inspect import inspect, js_number
from nodenet_uv._internal.naming import NodeNames, node_options

__all__ = ["AF_INET", "AF_INET6", "InternalSocketAddress", "SocketAddress"]

# internalBinding('block_list').{AF_INET, AF_INET6}: the platform's values.
AF_INET: Final = int(socket.AF_INET)
AF_INET6: Final = int(socket.AF_INET6)

#: Top 96 bits of an IPv4-mapped IPv6 address (``::ffff:0:0/96``).
MAPPED_PREFIX: Final = 0xFFFF << 32
#: kLabelMask (node_sockaddr-inl.h): the flow label is 20 bits.
_LABEL_MASK: Final = 0xFFFFF
#: sizeof(address_part) - 1 in uv_ip6_addr: the part before '%' is cut to 39 chars.
_UV_IP6_ADDRESS_PART_MAX: Final = 39


# --- the C++ SocketAddress (src/node_sockaddr.cc, src/node_sockaddr-inl.h) -------------


def _c_string(host: str) -> str:
    # Utf8Value hands libuv a C string: it ends at the first NUL.
    nul = host.find("\0")
    return host if nul < 0 else host[:nul]


def inet_pton4(host: str) -> int | None:
    """libuv's inet_pton4: four decimal octets, no leading zeros; None if invalid."""
    try:
        return int(ipaddress.IPv4Address(host))
    except ValueError:
        return None


def inet_pton6(host: str) -> int | None:
    """libuv's inet_pton6 (no zone id); None if invalid."""
    if "%" in host:
        return None
    try:
        return int(ipaddress.IPv6Address(host))
    except ValueError:
        return None


def uv_ip6_addr(host: str) -> int | None:
    """``uv_ip6_addr``: the zone id (``%eth0``) is dropped (an unknown one is ignored)."""
    zone = host.find("%")
    if zone >= 0:
        host = host[: min(zone, _UV_IP6_ADDRESS_PART_MAX)]
    return inet_pton6(host)


def inet_ntop4(ip: int) -> str:
    return f"{ip >> 24}.{(ip >> 16) & 0xFF}.{(ip >> 8) & 0xFF}.{ip & 0xFF}"


def inet_ntop6(ip: int) -> str:
    """libuv's inet_ntop6: the first longest run (>= 2) of zero words becomes ``::``;
    ``::a.b.c.d`` and ``::ffff:a.b.c.d`` keep their dotted IPv4 tail."""
    words = [(ip >> (112 - 16 * i)) & 0xFFFF for i in range(8)]
    best_base, best_len = -1, 0
    cur_base, cur_len = -1, 0
    for i, w in enumerate(words):
        if w == 0:
            if cur_base == -1:
                cur_base, cur_len = i, 1
            else:
                cur_len += 1
        elif cur_base != -1:
            if best_base == -1 or cur_len > best_len:
                best_base, best_len = cur_base, cur_len
            cur_base = -1
    if cur_base != -1 and (best_base == -1 or cur_len > best_len):
        best_base, best_len = cur_base, cur_len
    if best_base != -1 and best_len < 2:
        best_base = -1

    out: list[str] = []
    i = 0
    while i < 8:
        if best_base != -1 and best_base <= i < best_base + best_len:
            if i == best_base:
                out.append(":")
            i += 1
            continue
        if i != 0:
            out.append(":")
        # An encapsulated IPv4 address?
        if i == 6 and best_base == 0 and (best_len == 6 or (best_len == 5 and words[5] == 0xFFFF)):
            out.append(inet_ntop4(ip & 0xFFFFFFFF))
            break
        out.append(f"{words[i]:x}")
        i += 1
    if best_base != -1 and best_base + best_len == 8:
        out.append(":")
    return "".join(out)


class _SocketAddress:
    """``internalBinding('block_list').SocketAddress`` (C++ ``SocketAddressBase``).

    Fields: ``family`` (AF_INET / AF_INET6), ``ip`` (the address as an int of 32 or 128
    bits), ``mapped`` (128 bits, IPv4 as ``::ffff:a.b.c.d``), ``address`` (uv_inet_ntop),
    ``port``, ``flow_label``.
    """

    __slots__ = ("address", "family", "flow_label", "ip", "mapped", "port")

    def __init__(self, address: str, port: int, family: int, flowlabel: int) -> None:
        host = _c_string(address)
        ip = inet_pton4(host) if family == AF_INET else uv_ip6_addr(host)
        if ip is None:
            raise errors.ERR_INVALID_ADDRESS()
        self.family = family
        self.ip = ip
        if family == AF_INET:
            self.mapped = MAPPED_PREFIX | ip
            self.address = inet_ntop4(ip)
            # set_flow_label() is a no-op for IPv4.
            self.flow_label = 0
        else:
            self.mapped = ip
            self.address = inet_ntop6(ip)
            self.flow_label = flowlabel
        self.port = port

    def detail(self, obj: dict[str, Any]) -> dict[str, Any]:
        obj["address"] = self.address
        obj["port"] = self.port
        obj["family"] = self.family
        obj["flowlabel"] = self.flow_label
        return obj

    def flowlabel(self) -> int:
        return self.flow_label


# --- lib/internal/socketaddress.js -----------------------------------------------------


def _option(options: Any, key: str) -> Any:
    # JS destructuring reads a property; a missing one (or undefined) is None here.
    if isinstance(options, Mapping):
        return options.get(key)
    return getattr(options, key, None)


_OPTIONS = frozenset(("address", "family", "port", "flowlabel"))


class SocketAddress(NodeNames):
    """``net.SocketAddress``: an immutable IPv4/IPv6 address, port and flow label.

    ``SocketAddress({'address': '::1', 'family': 'ipv6', 'port': 80})`` or the same as
    keyword arguments.

    The address is parsed as libuv does and kept in libuv's printed form
    (``'0:0:0:0:0:0:0:1'`` becomes ``'::1'``).

    Args:
        options: A dict (or an object with these attributes): ``address`` (str;
            default ``'127.0.0.1'`` when ``family`` is omitted or exactly ``'ipv4'``,
            else ``'::'``), ``family`` (``'ipv4'`` or ``'ipv6'``, any case; default
            ``'ipv4'``), ``port`` (0-65535; a numeric str is accepted; default 0),
            ``flowlabel`` (the IPv6 flow label, 0 to 0xFFFFF; validated but unused for
            IPv4; default 0). A missing key, a None value, or ``options`` None means
            undefined: the default.
        **kwargs: The same options as keyword arguments, merged over ``options``.

    Raises:
        ERR_INVALID_ARG_TYPE: ``options`` is not an object (e.g. a list or a str),
            ``address`` is not a str, or ``flowlabel`` is not a number.
        ERR_INVALID_ARG_VALUE: ``family`` is neither ``'ipv4'`` nor ``'ipv6'``.
        ERR_SOCKET_BAD_PORT: ``port`` is not a valid port number.
        ERR_OUT_OF_RANGE: ``flowlabel`` is not a uint32 integer, or is above 0xFFFFF
            for IPv6.
        ERR_INVALID_ADDRESS: ``address`` is not a valid address of ``family``.
    """

    # kHandle, kDetail
    __slots__ = ("_detail", "_handle")

    _handle: _SocketAddress | None
    _detail: dict[str, Any] | None

    @staticmethod
    def isSocketAddress(value: Any = None) -> bool:
        """True if ``value`` is a SocketAddress (Node: ``SocketAddress.isSocketAddress``).

        Args:
            value: Any value; None (undefined) gives False.

        Returns:
            Whether ``value`` is a working SocketAddress.
        """
        return isinstance(value, SocketAddress) and value._handle is not None

    def __init__(self, options: Any = None, **kwargs: Any) -> None:
        options = node_options(options, kwargs, _OPTIONS, "SocketAddress")
        if options is None:
            options = {}  # kEmptyObject
        _validators.validate_object(options, "options")
        family = _option(options, "family")
        if family is None:
            family = "ipv4"
        address = _option(options, "address")
        if address is None:
            # Decided before family is lower-cased, as in Node ({family: 'IPV4'} gets '::').
            address = "127.0.0.1" if family == "ipv4" else "::"
        port = _option(options, "port")
        if port is None:
            port = 0
        flowlabel = _option(options, "flowlabel")
        if flowlabel is None:
            flowlabel = 0

        if isinstance(family, str):
            family = family.lower()
        if family == "ipv4":
            type_ = AF_INET
        elif family == "ipv6":
            type_ = AF_INET6
        else:
            raise errors.ERR_INVALID_ARG_VALUE("options.family", _option(options, "family"))

        _validators.validate_string(address, "options.address")
        _validators.validate_port(port, "options.port")
        _validators.validate_uint32(flowlabel, "options.flowlabel", False)
        # Node 24: `port | 0` and `flowlabel | 0` (so a numeric str port works).
        port = _validators.to_int32(js_number(port))
        flowlabel = _validators.to_int32(flowlabel)
        if type_ == AF_INET6 and flowlabel > _LABEL_MASK:
            # DIVERGENCE: node aborts (CHECK_LE(label, kLabelMask)); we throw instead.
            raise errors.ERR_OUT_OF_RANGE(
                "options.flowlabel", f">= 0 && <= {_LABEL_MASK}", flowlabel
            )

        self._handle = _SocketAddress(address, port, type_, flowlabel)
        self._detail = self._handle.detail(
            {"address": None, "port": None, "family": None, "flowlabel": None}
        )

    @property
    def address(self) -> str:
        """The address, as libuv prints it (Node: ``socketaddress.address``)."""
        assert self._detail is not None
        return self._detail["address"]

    @property
    def port(self) -> int:
        """The port (Node: ``socketaddress.port``)."""
        assert self._detail is not None
        return self._detail["port"]

    @property
    def family(self) -> str:
        """``'ipv4'`` or ``'ipv6'`` (Node: ``socketaddress.family``)."""
        assert self._detail is not None
        return "ipv4" if self._detail["family"] == AF_INET else "ipv6"

    @property
    def flowlabel(self) -> int:
        """The IPv6 flow label, 0 for IPv4 (Node: ``socketaddress.flowlabel``)."""
        # The flow label can be changed internally.
        assert self._handle is not None
        return self._handle.flowlabel()

    @staticmethod
    def parse(input: Any = None) -> SocketAddress | None:
        """Parse ``'ip:port'`` into a SocketAddress (Node 24: ``SocketAddress.parse``).

        The str is read as the host of an ``http://`` URL (WHATWG rules): an IPv6
        address goes in brackets (``'[::1]:8080'``), and port 80, http's default,
        reads as no port (0).

        Args:
            input: ``'1.2.3.4:80'``, ``'[::1]:8080'``, ``'1.2.3.4'``...

        Returns:
            The SocketAddress, or None (undefined) if ``input`` does not parse as an IP
            address with an optional port.

        Raises:
            ERR_INVALID_ARG_TYPE: ``input`` is not a str.
        """
        _validators.validate_string(input, "input")
        # While URL.parse is not expected to throw, there are several
        # other pieces here that do... the destucturing, the SocketAddress
        # constructor, etc. So we wrap this in a try/catch to be safe.
        try:
            parsed = _url_host_port(f"http://{input}")
            if parsed is None:
                return None
            address, port = parsed
            if address[0] == "[" and address[-1] == "]":
                return SocketAddress({"address": address[1:-1], "port": port, "family": "ipv6"})
            return SocketAddress({"address": address, "port": port})
        except Exception:
            # Ignore errors here. Return undefined if the input cannot
            # be successfully parsed or is not a proper socket address.
            return None

    def __node_inspect__(
        self, depth: float | None, options: dict[str, Any], inspect: Callable[..., str]
    ) -> Any:
        if depth is not None and depth < 0:
            # Node returns `this`, which formatRaw prints as "[SocketAddress]" (the object has
            # an enumerable kHandle symbol key, so it is not shown as an empty "{}").
            return "[SocketAddress]"
        return f"SocketAddress {inspect(self.toJSON(), **_inspect_options(options))}"

    # DIVERGENCE: no [kClone]/[kDeserialize]: there is no worker_threads/MessageChannel
    # to transfer a SocketAddress to.

    def toJSON(self) -> dict[str, Any]:
        """The address as a plain dict (Node: ``socketaddress.toJSON``).

        Returns:
            ``{'address': str, 'port': int, 'family': 'ipv4' | 'ipv6', 'flowlabel':
            int}``.
        """
        return {
            "address": self.address,
            "port": self.port,
            "family": self.family,
            "flowlabel": self.flowlabel,
        }

    def __repr__(self) -> str:
        return inspect(self)

    # BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
    if TYPE_CHECKING:
        is_socket_address = isSocketAddress
        to_json = toJSON
    # END twins


def _url_host_port(url: str) -> tuple[str, int] | None:
    """``const { hostname, port } = URLParse(url)`` for an ``http:`` URL, ``port | 0``.

    DIVERGENCE: not a full WHATWG URL parser (Node's is ada): enough of one for
    SocketAddress.parse (an IP literal, with userinfo, path, query or fragment after it
    ignored; tabs and newlines dropped, slashes and backslashes before the host skipped,
    the host percent-decoded and mapped as UTS 46 maps digits; IPv4 in WHATWG's number
    forms; the scheme's default port 80 dropped). None where URL.parse gives null.
    """
    # The URL's leading and trailing C0 controls and spaces go, then every tab and
    # newline, wherever they are.
    url = url.strip(_C0_OR_SPACE).translate(_TAB_OR_NEWLINE)
    # "http:" then the special authority slashes: any run of / and \ before the host.
    rest = url[len("http:") :].lstrip("/\\")
    for sep in "/\\?#":
        rest = rest.split(sep, 1)[0]
    host_port = rest.rsplit("@", 1)[-1]
    if host_port.startswith("["):
        end = host_port.find("]")
        if end == -1:
            return None
        host, after = host_port[: end + 1], host_port[end + 1 :]
        if after and not after.startswith(":"):
            return None
        port_str = after[1:]
        if "%" in host:  # WHATWG's IPv6 parser has no zone index
            return None
        try:
            host = "[" + _ipv6_serialize(ipaddress.IPv6Address(host[1:-1])) + "]"
        except ValueError:
            return None
    else:
        host, _, port_str = host_port.partition(":")
        host = _domain_to_ascii(urllib.parse.unquote(host, errors="replace"))
        if not host or any(c in _FORBIDDEN_DOMAIN for c in host):
            return None
        v4 = _whatwg_ipv4(host)
        if v4 is False:
            return None
        if isinstance(v4, str):
            host = v4
    if port_str and not (port_str.isascii() and port_str.isdigit()):
        return None
    port = int(port_str) if port_str else 0
    if port > 65535:
        return None
    if port == 80:  # the scheme's default port is no port
        port = 0
    return host, port


_C0_OR_SPACE: Final = "".join(chr(i) for i in range(0x21))
_TAB_OR_NEWLINE: Final = {ord("\t"): None, ord("\n"): None, ord("\r"): None}
# WHATWG's forbidden domain code points (after percent-decoding).
_FORBIDDEN_DOMAIN: Final = frozenset([chr(i) for i in range(0x21)] + list("#/:<>?@[\\]^|%\x7f"))


def _domain_to_ascii(domain: str) -> str:
    # UTS 46 mapping as far as an IP literal can need it (full-width digits and dots,
    # upper case); a host that stays non-ASCII is a domain name, never an IP address,
    # and is left as it is (SocketAddress then refuses it).
    mapped = unicodedata.normalize("NFKC", domain).lower()
    mapped = mapped.replace("\u3002", ".").replace("\uff61", ".")
    return mapped if mapped.isascii() else domain


def _ipv6_serialize(addr: ipaddress.IPv6Address) -> str:
    # WHATWG's IPv6 serializer: 8 hex pieces, the first longest run of 2 or more zero
    # pieces compressed; no dotted IPv4 tail (Python writes one for ::ffff:a.b.c.d).
    pieces = [int.from_bytes(addr.packed[i : i + 2], "big") for i in range(0, 16, 2)]
    best, best_len, i = -1, 1, 0
    while i < 8:
        if pieces[i] == 0:
            j = i
            while j < 8 and pieces[j] == 0:
                j += 1
            if j - i > best_len:
                best, best_len = i, j - i
            i = j
        else:
            i += 1
    if best < 0:
        return ":".join(f"{p:x}" for p in pieces)
    head = ":".join(f"{p:x}" for p in pieces[:best])
    tail = ":".join(f"{p:x}" for p in pieces[best + best_len :])
    return f"{head}::{tail}"


_RADIX_DIGITS: Final = {8: "01234567", 10: "0123456789", 16: "0123456789abcdefABCDEF"}


def _whatwg_ipv4(host: str) -> str | bool | None:
    """WHATWG's IPv4 parser: the dotted form, None if ``host`` is no IPv4 address, False
    if it ends in a number but is not a valid one (a URL failure)."""
    parts = host.split(".")
    if parts[-1] == "" and len(parts) > 1:
        parts.pop()
    last = parts[-1]
    if not (
        (last.isascii() and last.isdigit())
        or (last[:2] in ("0x", "0X") and all(c in "0123456789abcdefABCDEF" for c in last[2:]))
    ):
        return None
    if len(parts) > 4:
        return False
    numbers = []
    for part in parts:
        if part == "":
            return False
        # WHATWG's IPv4 number parser: only the radix's ASCII digits (Python's int()
        # would also take a sign, spaces and underscores).
        if part[:2] in ("0x", "0X"):
            digits, radix = part[2:] or "0", 16
        elif len(part) > 1 and part[0] == "0":
            digits, radix = part[1:], 8
        else:
            digits, radix = part, 10
        if not all(c in _RADIX_DIGITS[radix] for c in digits):
            return False
        n = int(digits, radix)
        numbers.append(n)
    if any(n > 255 for n in numbers[:-1]) or numbers[-1] >= 256 ** (5 - len(numbers)):
        return False
    ipv4 = numbers[-1]
    for i, n in enumerate(numbers[:-1]):
        ipv4 += n * 256 ** (3 - i)
    return inet_ntop4(ipv4)


def _inspect_options(options: dict[str, Any]) -> dict[str, Any]:
    """``{...options, depth: options.depth == null ? null : options.depth - 1}`` as
    keyword arguments of ``_internal.inspect.inspect``."""
    depth = options.get("depth")
    return {
        "depth": None if depth is None else depth - 1,
        "compact": options.get("compact", 3),
        "break_length": options.get("breakLength", 80),
        "max_array_length": options.get("maxArrayLength", 100),
        "max_string_length": options.get("maxStringLength", 10000),
    }


class InternalSocketAddress(SocketAddress):
    """A SocketAddress around an existing handle (``InternalSocketAddress`` in Node,
    whose prototype is SocketAddress's)."""

    __slots__ = ()

    def __init__(self, handle: _SocketAddress | None) -> None:
        self._handle = handle
        self._detail = (
            handle.detail({"address": None, "port": None, "family": None, "flowlabel": None})
            if handle is not None
            else None
        )
