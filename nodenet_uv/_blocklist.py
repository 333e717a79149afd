"""Port of Node.js lib/internal/blocklist.js (v20.20.2): ``BlockList``.

The C++ half (``internalBinding('block_list').BlockList``, ``SocketAddressBlockList`` in
src/node_sockaddr.cc) is :class:`BlockListHandle`. Its rules compare addresses through
their 128-bit ``mapped`` value (IPv4 as ``::ffff:a.b.c.d``), which is what
``SocketAddress::is_match``, ``compare`` and ``is_in_network`` compute byte by byte:

* is_match: the mapped values are equal (so an IPv4 rule matches ``::ffff:a.b.c.d``);
* compare: IPv4 against an IPv6 address that is not IPv4-mapped is NOT_COMPARABLE (such
  a range never matches it); otherwise the mapped values are compared;
* is_in_network: the first ``prefix`` bits of the mapped values agree, counting an IPv4
  network's prefix from bit 96 (``1.2.0.0/16`` is ``::ffff:1.2.0.0/112``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from nodenet_uv import _validators, errors
from nodenet_uv._internal.inspect import inspect
from nodenet_uv._internal.naming import NodeNames
from nodenet_uv._socketaddress import AF_INET, SocketAddress, _inspect_options, _SocketAddress

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
    """``internalBinding('block_list').BlockList`` (C++ ``SocketAddressBlockList``).

    Rules are kept oldest first; Node lists (and tries) them newest first.
    """

    __slots__ = ("_rules", "owner")

    def __init__(self) -> None:
        self._rules: list[_Rule] = []
        self.owner: BlockList | None = None  # owner_symbol

    def addAddress(self, address: _SocketAddress) -> bool:
        self._rules.append(_SocketAddressRule(address))
        return True

    def addRange(self, start: _SocketAddress, end: _SocketAddress) -> bool:
        # Starting address must come before the end address.
        if compare(start, end) == GREATER_THAN:
            return False
        self._rules.append(_SocketAddressRangeRule(start, end))
        return True

    def addSubnet(self, network: _SocketAddress, prefix: int) -> bool:
        self._rules.append(_SocketAddressMaskRule(network, prefix))
        return True

    def check(self, address: _SocketAddress) -> bool:
        return any(rule.apply(address) for rule in self._rules)

    def getRules(self) -> list[str]:
        return [rule.to_string() for rule in reversed(self._rules)]


# --- lib/internal/blocklist.js ---------------------------------------------------------


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

    # DIVERGENCE: BlockList.isBlockList is from Node v22.13/v23.4, not in v20; provided
    # for symmetry with SocketAddress.isSocketAddress.
    @staticmethod
    def isBlockList(value: Any = None) -> bool:
        """True if ``value`` is a BlockList (Node v22.13+: ``BlockList.isBlockList``).

        Args:
            value: Any value; None (undefined) gives False.

        Returns:
            Whether ``value`` is a working BlockList.
        """
        return isinstance(value, BlockList) and getattr(value, "_handle", None) is not None

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
        self._handle.addSubnet(_handle_of(network), int(prefix))

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
            try:
                address = SocketAddress({"address": address, "family": family})
            except Exception:
                # Ignore the error. If it's not a valid address, return false.
                return False
        return bool(self._handle.check(_handle_of(address)))

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


class InternalBlockList(BlockList):
    """A BlockList around an existing handle (Node's ``InternalBlockList``)."""

    __slots__ = ()

    def __init__(self, handle: BlockListHandle | None) -> None:
        self._handle = handle  # type: ignore[assignment]
        if handle is not None:
            handle.owner = self
