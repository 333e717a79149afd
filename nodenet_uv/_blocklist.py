"""Port of Node.js lib/internal/blocklist.js (v24.22.3): ``BlockList``.

The C++ half (``internalBinding('block_list').BlockList``, ``SocketAddressBlockList`` in
src/node_sockaddr.cc) is :class:`BlockListHandle`. Its rules compare addresses through
their 128-bit ``mapped`` value (IPv4 as ``::ffff:a.b.c.d``), which is what
``SocketAddress::is_match``, ``compare`` and ``is_in_network`` compute byte by byte:

* is_match: the mapped values are equal (so an IPv4 rule matches ``::ffff:a.b.c.d``);
* compare: IPv4 against an IPv6 address that is not IPv4-mapped is NOT_COMPARABLE (such
  a range never matches it); otherwise the mapped values are compared;
* is_in_network: the first ``prefix`` bits of the mapped values agree, counting an IPv4
  network's prefix from bit 96 (``1.2.0.0/16`` is ``::ffff:1.2.0.0/112``).

Node 24 keeps the three kinds of rule apart: single addresses in a hash table keyed by
the mapped value (adding an address again replaces it, in place), then subnets and ranges
each newest first; ``rules`` lists them in that order.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final

from nodenet_uv import _validators, errors
from nodenet_uv._internal.inspect import inspect
from nodenet_uv._internal.naming import NodeNames
from nodenet_uv._socketaddress import (
    AF_INET,
    AF_INET6,
    SocketAddress,
    _inspect_options,
    _SocketAddress,
)

__all__ = ["BlockList", "BlockListHandle", "InternalBlockList"]

# SocketAddress::CompareResult
NOT_COMPARABLE: Final = -2
LESS_THAN: Final = -1
SAME: Final = 0
GREATER_THAN: Final = 1


# --- src/node_sockaddr.cc --------------------------------------------------------------


def compare(one: _SocketAddress, two: _SocketAddress) -> int:
    """``SocketAddress::compare``."""
    if one.family != two.family:
        v6 = two if one.family == AF_INET else one
        if v6.ip >> 32 != 0xFFFF:
            return NOT_COMPARABLE
    a, b = one.mapped, two.mapped
    return LESS_THAN if a < b else SAME if a == b else GREATER_THAN


def _family_label(addr: _SocketAddress) -> str:
    return "IPv4" if addr.family == AF_INET else "IPv6"


class _SocketAddressRule:
    __slots__ = ("address",)

    def __init__(self, address: _SocketAddress) -> None:
        self.address = address

    def apply(self, address: _SocketAddress) -> bool:
        # SocketAddress::is_match
        return self.address.mapped == address.mapped

    def to_string(self) -> str:
        return f"Address: {_family_label(self.address)} {self.address.address}"


class _SocketAddressRangeRule:
    __slots__ = ("end", "start")

    def __init__(self, start: _SocketAddress, end: _SocketAddress) -> None:
        self.start = start
        self.end = end

    def apply(self, address: _SocketAddress) -> bool:
        # address >= start && address <= end; NOT_COMPARABLE satisfies neither.
        return (
            compare(address, self.start) >= SAME and LESS_THAN <= compare(address, self.end) <= SAME
        )

    def to_string(self) -> str:
        return f"Range: {_family_label(self.start)} {self.start.address}-{self.end.address}"


class _SocketAddressMaskRule:
    __slots__ = ("network", "prefix", "shift")

    def __init__(self, network: _SocketAddress, prefix: int) -> None:
        self.network = network
        self.prefix = prefix
        # Bits of the 128-bit mapped value that do not take part in the comparison.
        self.shift = 128 - prefix - (96 if network.family == AF_INET else 0)

    def apply(self, address: _SocketAddress) -> bool:
        # SocketAddress::is_in_network
        return (address.mapped ^ self.network.mapped) >> self.shift == 0

    def to_string(self) -> str:
        return f"Subnet: {_family_label(self.network)} {self.network.address}/{self.prefix}"


_Rule = _SocketAddressRule | _SocketAddressRangeRule | _SocketAddressMaskRule


class BlockListHandle:
    """``internalBinding('block_list').BlockList`` (C++ ``SocketAddressBlockList``)."""

    __slots__ = ("_addresses", "_ranges", "_subnets", "owner")

    def __init__(self) -> None:
        # Each kind oldest first; Node lists (and tries) them newest first.
        self._addresses: dict[int, _SocketAddressRule] = {}
        self._subnets: list[_SocketAddressMaskRule] = []
        self._ranges: list[_SocketAddressRangeRule] = []
        self.owner: BlockList | None = None  # owner_symbol

    def addAddress(self, address: _SocketAddress) -> bool:
        self._addresses[address.mapped] = _SocketAddressRule(address)
        return True

    def addAddresses(self, addresses: list[_SocketAddress]) -> None:
        for address in addresses:
            self.addAddress(address)

    def addRange(self, start: _SocketAddress, end: _SocketAddress) -> bool:
        # Starting address must come before the end address.
        if compare(start, end) == GREATER_THAN:
            return False
        self._ranges.append(_SocketAddressRangeRule(start, end))
        return True

    def addSubnet(self, network: _SocketAddress, prefix: int) -> bool:
        self._subnets.append(_SocketAddressMaskRule(network, prefix))
        return True

    def removeAddress(self, address: _SocketAddress) -> None:
        self._addresses.pop(address.mapped, None)

    def removeRange(self, start: _SocketAddress, end: _SocketAddress) -> None:
        self._ranges = [
            r for r in self._ranges if not (_same(r.start, start) and _same(r.end, end))
        ]

    def removeSubnet(self, network: _SocketAddress, prefix: int) -> None:
        self._subnets = [
            r for r in self._subnets if not (_same(r.network, network) and r.prefix == prefix)
        ]

    def clear(self) -> None:
        self._addresses.clear()
        self._subnets.clear()
        self._ranges.clear()

    def check(self, address: _SocketAddress) -> bool:
        if address.mapped in self._addresses:
            return True
        return any(rule.apply(address) for rule in self._subnets) or any(
            rule.apply(address) for rule in self._ranges
        )

    def checkString(self, address: str, family: int) -> bool:
        # inet_pton + Apply(), without a JS SocketAddress.
        try:
            return self.check(_SocketAddress(address, 0, family, 0))
        except Exception:
            return False

    def getRules(self) -> list[str]:
        # DIVERGENCE: Node lists single addresses in its hash table's iteration order;
        # we list the IPv4 ones then the IPv6 ones, each newest first (what that order
        # mostly looks like).
        addresses = list(reversed(self._addresses.values()))
        return [
            *(r.to_string() for r in addresses if r.address.family == AF_INET),
            *(r.to_string() for r in addresses if r.address.family != AF_INET),
            *(rule.to_string() for rule in reversed(self._subnets)),
            *(rule.to_string() for rule in reversed(self._ranges)),
        ]

    def getSize(self) -> int:
        return len(self._addresses) + len(self._subnets) + len(self._ranges)


def _same(one: _SocketAddress, two: _SocketAddress) -> bool:
    return one.family == two.family and one.ip == two.ip


# --- lib/internal/blocklist.js ---------------------------------------------------------


def parseCIDR(cidr: Any) -> tuple[str, int, str]:
    _validators.validate_string(cidr, "cidr")
    slash = cidr.rfind("/")
    if slash == -1:
        raise errors.ERR_INVALID_ARG_VALUE(
            "cidr", cidr, 'must contain a prefix length (e.g. "10.0.0.0/8")'
        )
    address = cidr[:slash]
    prefix_str = cidr[slash + 1 :]
    prefix = _parse_int(prefix_str)
    if prefix is None or str(prefix) != prefix_str:
        raise errors.ERR_INVALID_ARG_VALUE("cidr", cidr, "prefix length must be a valid integer")
    family = "ipv6" if ":" in address else "ipv4"
    return address, prefix, family


_PARSE_INT_RE: Final = re.compile(r"\s*([+-]?\d+)")


def _parse_int(s: str) -> int | None:
    """JS ``NumberParseInt(s, 10)``, None for NaN."""
    m = _PARSE_INT_RE.match(s)
    return int(m.group(1)) if m else None


def _validate_string_array(value: Any, name: str) -> None:
    # validateArray(value, name): a JS Array is a Python list (or tuple).
    if not isinstance(value, (list, tuple)):
        raise errors.ERR_INVALID_ARG_TYPE(name, "Array", value)


def _handle_of(address: SocketAddress) -> _SocketAddress:
    # address[kSocketAddressHandle]
    handle = address._handle
    assert handle is not None
    return handle


class BlockList(NodeNames):
    """``net.BlockList``: rules for disabling inbound or outbound access to IP addresses,
    ranges and subnets.

    Rules compare addresses as IPv6, an IPv4 address counting as its IPv4-mapped form
    (``::ffff:a.b.c.d``): a rule for ``'1.2.3.4'`` also matches ``'::ffff:1.2.3.4'``
    (family ``'ipv6'``), and the other way round.

    Example:
        ``bl = BlockList(); bl.addSubnet('10.0.0.0', 8); bl.check('10.1.2.3')`` is True.
    """

    __slots__ = ("_handle",)  # kHandle

    @staticmethod
    def isBlockList(value: Any = None) -> bool:
        """True if ``value`` is a BlockList (Node v22.13+: ``BlockList.isBlockList``).

        Args:
            value: Any value; None (undefined) gives False.

        Returns:
            Whether ``value`` is a working BlockList.
        """
        return isinstance(value, BlockList) and getattr(value, "_handle", None) is not None

    # ObjectFreeze([...]): a tuple.
    PRIVATE_RANGES: Final = (
        # RFC 1918 - Private IPv4
        "10.0.0.0/8",
        "172.16.0.0/12",
        "192.168.0.0/16",
        # Loopback
        "127.0.0.0/8",
        "::1/128",
        # Link-local
        "169.254.0.0/16",
        "fe80::/10",
        # Unique local (ULA)
        "fc00::/7",
    )

    def __init__(self) -> None:
        self._handle = BlockListHandle()
        self._handle.owner = self

    def __node_inspect__(
        self, depth: float | None, options: dict[str, Any], inspect: Callable[..., str]
    ) -> Any:
        if depth is not None and depth < 0:
            # Node returns `this`, which formatRaw prints as "[BlockList]" (the object has
            # an enumerable kHandle symbol key, so it is not shown as an empty "{}").
            return "[BlockList]"
        return f"BlockList {inspect({'rules': self.rules}, **_inspect_options(options))}"

    def addAddress(self, address: Any = None, family: Any = "ipv4") -> None:
        """Add a rule blocking one IP address (Node: ``blockList.addAddress``).

        Args:
            address: The address, a str or a :class:`SocketAddress` (whose own family
                is then used).
            family: ``'ipv4'`` or ``'ipv6'`` (any case), the family of a str
                ``address`` (Node's docs call it ``type``). None (undefined) means
                ``'ipv4'``.

        Raises:
            ERR_INVALID_ARG_TYPE: ``address`` is neither a str nor a SocketAddress, or
                ``family`` is not a str.
            ERR_INVALID_ARG_VALUE: ``family`` is neither ``'ipv4'`` nor ``'ipv6'``.
            ERR_INVALID_ADDRESS: ``address`` is not a valid address of that family.
        """
        if family is None:
            family = "ipv4"
        if not SocketAddress.isSocketAddress(address):
            _validators.validate_string(address, "address")
            _validators.validate_string(family, "family")
            address = SocketAddress({"address": address, "family": family})
        self._handle.addAddress(_handle_of(address))

    def addAddresses(self, addresses: Any = None, family: Any = "ipv4") -> None:
        """Add a rule for each address of a list (Node 24: ``blockList.addAddresses``).

        Args:
            addresses: A list of addresses, each a str or a :class:`SocketAddress`.
            family: ``'ipv4'`` or ``'ipv6'``, the family of the str addresses.

        Raises:
            ERR_INVALID_ARG_TYPE: ``addresses`` is not a list, an entry is neither a str
                nor a SocketAddress, or ``family`` is not a str.
            ERR_INVALID_ADDRESS: An address is not a valid address of that family.
        """
        if family is None:
            family = "ipv4"
        _validate_string_array(addresses, "addresses")
        _validators.validate_string(family, "family")
        handles = []
        for i, address in enumerate(addresses):
            if not SocketAddress.isSocketAddress(address):
                _validators.validate_string(address, f"addresses[{i}]")
                address = SocketAddress({"address": address, "family": family})
            handles.append(_handle_of(address))
        self._handle.addAddresses(handles)

    def addRange(self, start: Any = None, end: Any = None, family: Any = "ipv4") -> None:
        """Add a rule blocking the addresses from start to end (Node: ``blockList.addRange``).

        Both ends are included.

        Args:
            start: The first address, a str or a :class:`SocketAddress`.
            end: The last address, a str or a :class:`SocketAddress`.
            family: ``'ipv4'`` or ``'ipv6'`` (any case), the family of a str ``start``
                or ``end`` (Node's docs call it ``type``). None (undefined) means
                ``'ipv4'``.

        Raises:
            ERR_INVALID_ARG_TYPE: ``start`` or ``end`` is neither a str nor a
                SocketAddress, or ``family`` is not a str.
            ERR_INVALID_ARG_VALUE: ``family`` is neither ``'ipv4'`` nor ``'ipv6'``, or
                ``start`` comes after ``end``.
            ERR_INVALID_ADDRESS: ``start`` or ``end`` is not a valid address of that
                family.
        """
        if family is None:
            family = "ipv4"
        if not SocketAddress.isSocketAddress(start):
            _validators.validate_string(start, "start")
            _validators.validate_string(family, "family")
            start = SocketAddress({"address": start, "family": family})
        if not SocketAddress.isSocketAddress(end):
            _validators.validate_string(end, "end")
            _validators.validate_string(family, "family")
            end = SocketAddress({"address": end, "family": family})
        ret = self._handle.addRange(_handle_of(start), _handle_of(end))
        if ret is False:
            raise errors.ERR_INVALID_ARG_VALUE("start", start, "must come before end")

    def addSubnet(self, network: Any = None, prefix: Any = None, family: Any = "ipv4") -> None:
        """Add a rule blocking a subnet (Node: ``blockList.addSubnet``).

        Args:
            network: The network address, a str or a :class:`SocketAddress` (Node's
                docs call it ``net``).
            prefix: The number of CIDR prefix bits: 0 to 32 for IPv4, 0 to 128 for
                IPv6.
            family: ``'ipv4'`` or ``'ipv6'`` (any case), the family of a str
                ``network`` (Node's docs call it ``type``). None (undefined) means
                ``'ipv4'``.

        Raises:
            ERR_INVALID_ARG_TYPE: ``network`` is neither a str nor a SocketAddress,
                ``family`` is not a str, or ``prefix`` is not a number.
            ERR_INVALID_ARG_VALUE: ``family`` is neither ``'ipv4'`` nor ``'ipv6'``.
            ERR_INVALID_ADDRESS: ``network`` is not a valid address of that family.
            ERR_OUT_OF_RANGE: ``prefix`` is not an integer in the family's range.
        """
        if family is None:
            family = "ipv4"
        if not SocketAddress.isSocketAddress(network):
            _validators.validate_string(network, "network")
            _validators.validate_string(family, "family")
            network = SocketAddress({"address": network, "family": family})
        if network.family == "ipv4":
            _validators.validate_int32(prefix, "prefix", 0, 32)
        else:
            _validators.validate_int32(prefix, "prefix", 0, 128)
        # Coerce -0 to +0.
        self._handle.addSubnet(_handle_of(network), int(prefix))

    def addCIDR(self, cidr: Any = None) -> None:
        """Add a subnet rule from CIDR notation (Node 24: ``blockList.addCIDR``).

        Args:
            cidr: ``'address/prefix'``, e.g. ``'10.0.0.0/8'`` or ``'fe80::/10'`` (a
                ``:`` makes it IPv6).

        Raises:
            ERR_INVALID_ARG_TYPE: ``cidr`` is not a str.
            ERR_INVALID_ARG_VALUE: ``cidr`` has no prefix length or it is not an integer.
            ERR_OUT_OF_RANGE: The prefix is out of the family's range.
        """
        address, prefix, family = parseCIDR(cidr)
        self.addSubnet(address, prefix, family)

    def addCIDRs(self, cidrs: Any = None) -> None:
        """:meth:`addCIDR` for each entry of a list (Node 24: ``blockList.addCIDRs``).

        Every entry is parsed before any rule is added.

        Raises:
            ERR_INVALID_ARG_TYPE: ``cidrs`` is not a list or an entry is not a str.
            ERR_INVALID_ARG_VALUE: An entry is not valid CIDR notation.
        """
        _validate_string_array(cidrs, "cidrs")
        # Validate and parse all entries first so that an exception mid-array
        # does not leave the blocklist half-modified.
        parsed = []
        for i, cidr in enumerate(cidrs):
            _validators.validate_string(cidr, f"cidrs[{i}]")
            parsed.append(parseCIDR(cidr))
        for address, prefix, family in parsed:
            self.addSubnet(address, prefix, family)

    def removeAddress(self, address: Any = None, family: Any = "ipv4") -> None:
        """Remove the rule for an address (Node 24: ``blockList.removeAddress``).

        An IPv4 address and its IPv4-mapped IPv6 form are the same rule.

        Raises:
            ERR_INVALID_ARG_TYPE: ``address`` is neither a str nor a SocketAddress, or
                ``family`` is not a str.
            ERR_INVALID_ADDRESS: ``address`` is not a valid address of that family.
        """
        if family is None:
            family = "ipv4"
        if not SocketAddress.isSocketAddress(address):
            _validators.validate_string(address, "address")
            _validators.validate_string(family, "family")
            address = SocketAddress({"address": address, "family": family})
        self._handle.removeAddress(_handle_of(address))

    def removeRange(self, start: Any = None, end: Any = None, family: Any = "ipv4") -> None:
        """Remove the range rules from start to end (Node 24: ``blockList.removeRange``).

        Only rules with exactly these ends (and family) are removed.

        Raises:
            ERR_INVALID_ARG_TYPE: ``start`` or ``end`` is neither a str nor a
                SocketAddress, or ``family`` is not a str.
            ERR_INVALID_ADDRESS: ``start`` or ``end`` is not a valid address.
        """
        if family is None:
            family = "ipv4"
        if not SocketAddress.isSocketAddress(start):
            _validators.validate_string(start, "start")
            _validators.validate_string(family, "family")
            start = SocketAddress({"address": start, "family": family})
        if not SocketAddress.isSocketAddress(end):
            _validators.validate_string(end, "end")
            _validators.validate_string(family, "family")
            end = SocketAddress({"address": end, "family": family})
        self._handle.removeRange(_handle_of(start), _handle_of(end))

    def removeSubnet(self, network: Any = None, prefix: Any = None, family: Any = "ipv4") -> None:
        """Remove the subnet rules for network/prefix (Node 24: ``blockList.removeSubnet``).

        Raises:
            ERR_INVALID_ARG_TYPE: ``network`` is neither a str nor a SocketAddress,
                ``family`` is not a str, or ``prefix`` is not a number.
            ERR_OUT_OF_RANGE: ``prefix`` is not an integer in the family's range.
        """
        if family is None:
            family = "ipv4"
        if not SocketAddress.isSocketAddress(network):
            _validators.validate_string(network, "network")
            _validators.validate_string(family, "family")
            network = SocketAddress({"address": network, "family": family})
        if network.family == "ipv4":
            _validators.validate_int32(prefix, "prefix", 0, 32)
        elif network.family == "ipv6":
            _validators.validate_int32(prefix, "prefix", 0, 128)
        self._handle.removeSubnet(_handle_of(network), int(prefix))

    def removeCIDR(self, cidr: Any = None) -> None:
        """Remove the subnet rules for a CIDR (Node 24: ``blockList.removeCIDR``)."""
        address, prefix, family = parseCIDR(cidr)
        self.removeSubnet(address, prefix, family)

    def check(self, address: Any = None, family: Any = "ipv4") -> bool:
        """Whether an address matches any rule (Node: ``blockList.check``).

        Args:
            address: The address to check, a str or a :class:`SocketAddress`.
            family: ``'ipv4'`` or ``'ipv6'`` (any case), the family of a str
                ``address`` (Node's docs call it ``type``). None (undefined) means
                ``'ipv4'``.

        Returns:
            True if ``address`` is blocked. False for a str ``address`` or ``family``
            that does not parse (no error).

        Raises:
            ERR_INVALID_ARG_TYPE: ``address`` is neither a str nor a SocketAddress, or
                ``family`` is not a str.
        """
        if family is None:
            family = "ipv4"
        if not SocketAddress.isSocketAddress(address):
            _validators.validate_string(address, "address")
            _validators.validate_string(family, "family")
            # Fast path: pass the string directly to C++ which does
            # inet_pton + Apply() without allocating a JS SocketAddress wrapper.
            af = AF_INET if family.lower() == "ipv4" else AF_INET6
            return self._handle.checkString(address, af)
        return bool(self._handle.check(_handle_of(address)))

    def clear(self) -> None:
        """Removes all rules from the block list (Node 24: ``blockList.clear``)."""
        self._handle.clear()

    def _parseIPInfo(self, data: list[str]) -> None:  # #parseIPInfo
        for item in data:
            if "IPv4" in item:
                m = _IPV4_SUBNET_RE.search(item)
                if m:
                    self.addSubnet(m.group(1), _parse_int(m.group(2)))
                    continue
                m = _IPV4_ADDRESS_RE.search(item)
                if m:
                    self.addAddress(m.group(1))
                    continue
                m = _IPV4_RANGE_RE.search(item)
                if m:
                    self.addRange(m.group(1), m.group(2))
                    continue
            # IPv6 parsing with support for compressed addresses
            if "IPv6" in item:
                m = _IPV6_SUBNET_RE.search(item)
                if m:
                    self.addSubnet(m.group(1), _parse_int(m.group(2)), "ipv6")
                    continue
                m = _IPV6_ADDRESS_RE.search(item)
                if m:
                    self.addAddress(m.group(1), "ipv6")
                    continue
                m = _IPV6_RANGE_RE.search(item)
                if m:
                    self.addRange(m.group(1), m.group(2), "ipv6")
                    continue

    def toJSON(self) -> list[str]:
        """The rules, as :attr:`rules` (Node 24: ``blockList.toJSON``)."""
        return self.rules

    def fromJSON(self, data: Any = None) -> None:
        """Add the rules of a :meth:`toJSON` result (Node 24: ``blockList.fromJSON``).

        Args:
            data: A list of rule strs (``'Address: IPv4 10.0.0.5'``, ``'Range: IPv4
                10.0.0.1-10.0.0.10'``, ``'Subnet: IPv6 2001:db8::/48'``...), or a JSON
                str of one. Entries that are not rules are ignored.

        Raises:
            ERR_INVALID_ARG_TYPE: ``data`` is neither a str nor a list of strs, or the
                str's JSON is not a list of strs.
        """
        # The data argument must be a string, or an array of strings that
        # is JSON parseable.
        if isinstance(data, (list, tuple)):
            for n in data:
                if not isinstance(n, str):
                    raise errors.ERR_INVALID_ARG_TYPE("data", ["string", "string[]"], data)
        elif not isinstance(data, str):
            raise errors.ERR_INVALID_ARG_TYPE("data", ["string", "string[]"], data)
        else:
            data = json_parse(data)
            if not isinstance(data, list):
                raise errors.ERR_INVALID_ARG_TYPE("data", ["string", "string[]"], data)
            for n in data:
                if not isinstance(n, str):
                    raise errors.ERR_INVALID_ARG_TYPE("data", ["string", "string[]"], data)
        self._parseIPInfo(list(data))

    @property
    def size(self) -> int:
        """The number of rules (Node 24: ``blockList.size``)."""
        return self._handle.getSize()

    @property
    def rules(self) -> list[str]:
        """The rules added, newest first (Node: ``blockList.rules``).

        Each a str such as ``'Address: IPv4 10.0.0.1'``, ``'Range: IPv4
        10.0.0.1-10.0.0.10'`` or ``'Subnet: IPv6 8592:757c:efae:4e45::/64'``.
        """
        return self._handle.getRules()

    # DIVERGENCE: no [kClone]/[kDeserialize]: there is no worker_threads/MessageChannel
    # to transfer a BlockList to.

    def __repr__(self) -> str:
        return inspect(self)

    # BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
    if TYPE_CHECKING:
        add_address = addAddress
        add_addresses = addAddresses
        add_cid_rs = addCIDRs
        add_cidr = addCIDR
        add_range = addRange
        add_subnet = addSubnet
        from_json = fromJSON
        is_block_list = isBlockList
        remove_address = removeAddress
        remove_cidr = removeCIDR
        remove_range = removeRange
        remove_subnet = removeSubnet
        to_json = toJSON
    # END twins


_IPV4_SUBNET_RE: Final = re.compile(r"Subnet: IPv4 (\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})")
_IPV4_ADDRESS_RE: Final = re.compile(r"Address: IPv4 (\d{1,3}(?:\.\d{1,3}){3})")
_IPV4_RANGE_RE: Final = re.compile(
    r"Range: IPv4 (\d{1,3}(?:\.\d{1,3}){3})-(\d{1,3}(?:\.\d{1,3}){3})"
)
_IPV6_SUBNET_RE: Final = re.compile(r"Subnet: IPv6 ([0-9a-fA-F:.]{1,45})\/([0-9]{1,3})", re.I)
_IPV6_ADDRESS_RE: Final = re.compile(r"Address: IPv6 ([0-9a-fA-F:.]{1,45})", re.I)
_IPV6_RANGE_RE: Final = re.compile(r"Range: IPv6 ([0-9a-fA-F:.]{1,45})-([0-9a-fA-F:.]{1,45})", re.I)


class InternalBlockList(BlockList):
    """A BlockList around an existing handle (Node's ``InternalBlockList``)."""

    __slots__ = ()

    def __init__(self, handle: BlockListHandle | None) -> None:
        self._handle = handle  # type: ignore[assignment]
        if handle is not None:
            handle.owner = self


# --- JSON.parse ------------------------------------------------------------------------
# DIVERGENCE: Node's fromJSON calls JSON.parse, whose SyntaxError (no code) carries V8's
# message. Python's json module reports other messages and takes what JSON.parse refuses
# (NaN, Infinity): a scan of the text as V8's JsonParser does (json-parser.cc) gives V8's
# message first, then json.loads parses what is valid JSON.


class JSONSyntaxError(errors.JsError, SyntaxError):
    """The ``SyntaxError`` JSON.parse throws (an engine error: no ``code``)."""

    js_constructor_name = "SyntaxError"
    name = "SyntaxError"

    def __str__(self) -> str:
        return self.message


_JSON_WS: Final = " \t\n\r"
_JSON_MAX_CONTEXT: Final = 10
_JSON_SPECIAL: Final = ("[object Object]", "undefined", "Infinity", "NaN")


class _JsonScan:
    __slots__ = ("pos", "src")

    def __init__(self, src: list[str]) -> None:
        self.src = src  # UTF-16 code units, as V8 indexes them
        self.pos = 0

    def _at(self, i: int) -> str:
        return self.src[i] if i < len(self.src) else ""

    def _location(self, pos: int) -> str:
        line, last_break, i = 1, 0, 0
        while i < pos:
            if self.src[i] == "\r" and i < pos - 1 and self.src[i + 1] == "\n":
                i += 1
            if self.src[i] in "\r\n":
                line += 1
                last_break = i + 1
            i += 1
        return f"at position {pos} (line {line} column {1 + i - last_break})"

    def fail(self, message: str | None = None, pos: int | None = None) -> JSONSyntaxError:
        pos = self.pos if pos is None else pos
        if message is not None:
            where = "" if message.endswith("after JSON") else " in JSON"
            return JSONSyntaxError(f"{message}{where} {self._location(pos)}")
        c = self._at(pos)
        if c == "":
            return JSONSyntaxError("Unexpected end of JSON input")
        if c == "-" or (c.isdigit() and c.isascii()):
            return JSONSyntaxError(f"Unexpected number in JSON {self._location(pos)}")
        if c == '"':
            return JSONSyntaxError(f"Unexpected string in JSON {self._location(pos)}")
        whole = _join_units(self.src)
        if whole in _JSON_SPECIAL:
            return JSONSyntaxError(f'"{whole}" is not valid JSON')
        n = len(self.src)
        token = _join_units([c])
        if n <= 2 * _JSON_MAX_CONTEXT:
            return JSONSyntaxError(f"Unexpected token '{token}', \"{whole}\" is not valid JSON")
        if pos < _JSON_MAX_CONTEXT:
            ctx = _join_units(self.src[: pos + _JSON_MAX_CONTEXT])
            return JSONSyntaxError(f"Unexpected token '{token}', \"{ctx}\"... is not valid JSON")
        if pos < n - _JSON_MAX_CONTEXT:
            ctx = _join_units(self.src[pos - _JSON_MAX_CONTEXT : pos + _JSON_MAX_CONTEXT])
            return JSONSyntaxError(f"Unexpected token '{token}', ...\"{ctx}\"... is not valid JSON")
        ctx = _join_units(self.src[pos - _JSON_MAX_CONTEXT :])
        return JSONSyntaxError(f"Unexpected token '{token}', ...\"{ctx}\" is not valid JSON")

    def skip_ws(self) -> str:
        while self._at(self.pos) in _JSON_WS and self.pos < len(self.src):
            self.pos += 1
        return self._at(self.pos)

    def expect(self, c: str, message: str) -> None:
        if self.skip_ws() != c:
            raise self.fail(message)
        self.pos += 1

    def document(self) -> None:
        self.value()
        if self.skip_ws() != "":
            raise self.fail("Unexpected non-whitespace character after JSON")

    def value(self) -> None:
        c = self.skip_ws()
        if c == '"':
            self.string()
        elif c == "-" or (c.isascii() and c.isdigit()):
            self.number()
        elif c == "{":
            self.pos += 1
            if self.skip_ws() == "}":
                self.pos += 1
                return
            self.expect('"', "Expected property name or '}'")
            self.pos -= 1
            while True:
                self.string()
                self.expect(":", "Expected ':' after property name")
                self.value()
                if self.skip_ws() == ",":
                    self.pos += 1
                    self.expect('"', "Expected double-quoted property name")
                    self.pos -= 1
                    continue
                self.expect("}", "Expected ',' or '}' after property value")
                return
        elif c == "[":
            self.pos += 1
            if self.skip_ws() == "]":
                self.pos += 1
                return
            while True:
                self.value()
                if self.skip_ws() == ",":
                    self.pos += 1
                    continue
                self.expect("]", "Expected ',' or ']' after array element")
                return
        elif c in ("t", "f", "n"):
            self.literal({"t": "true", "f": "false", "n": "null"}[c])
        else:
            raise self.fail()

    def literal(self, word: str) -> None:
        for ch in word[1:]:
            self.pos += 1
            if self._at(self.pos) != ch:
                raise self.fail()
        self.pos += 1

    def string(self) -> None:
        self.pos += 1  # the opening quote
        while True:
            c = self._at(self.pos)
            if c == "":
                raise self.fail("Unterminated string")
            if c == '"':
                self.pos += 1
                return
            if c < " ":
                raise self.fail("Bad control character in string literal")
            if c == "\\":
                self.pos += 1
                e = self._at(self.pos)
                if e == "u":
                    for _ in range(4):
                        self.pos += 1
                        if self._at(self.pos) not in _HEX_DIGITS or self._at(self.pos) == "":
                            raise self.fail("Bad Unicode escape")
                elif e == "" or ord(e) > 0xFF:
                    raise self.fail()  # V8 looks Latin-1 escapes up only
                elif e not in '"\\/bfnrt':
                    raise self.fail("Bad escaped character")
            self.pos += 1

    def digits(self) -> bool:
        start = self.pos
        while (c := self._at(self.pos)) and c.isascii() and c.isdigit():
            self.pos += 1
        return self.pos > start

    def number(self) -> None:
        if self._at(self.pos) == "-":
            self.pos += 1
            c = self._at(self.pos)
            if not (c.isascii() and c.isdigit()):
                raise self.fail("No number after minus sign")
        if self._at(self.pos) == "0":
            self.pos += 1
            c = self._at(self.pos)
            if c.isascii() and c.isdigit():
                raise self.fail()
        else:
            self.digits()
        if self._at(self.pos) == ".":
            self.pos += 1
            if not self.digits():
                raise self.fail("Unterminated fractional number")
        if self._at(self.pos) in ("e", "E") and self._at(self.pos) != "":
            self.pos += 1
            if self._at(self.pos) in ("+", "-") and self._at(self.pos) != "":
                self.pos += 1
            if not self.digits():
                raise self.fail("Exponent part is missing a number")


_HEX_DIGITS: Final = "0123456789abcdefABCDEF"


def _join_units(units: list[str]) -> str:
    # UTF-16 code units back to a str: a surrogate pair is one character again.
    return "".join(units).encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def json_parse(text: str) -> Any:
    """JS ``JSON.parse(text)``: V8's SyntaxError for what is not JSON."""
    units: list[str] = []
    for ch in text:
        cp = ord(ch)
        if cp > 0xFFFF:
            cp -= 0x10000
            units += (chr(0xD800 + (cp >> 10)), chr(0xDC00 + (cp & 0x3FF)))
        else:
            units.append(ch)
    _JsonScan(units).document()
    return json.loads(text)
