"""Port of Node.js lib/dns.js (v24.22.3) ``lookup`` (and the validation in internal/dns/utils.js).

Node: ``dns.lookup(hostname[, options], callback)``. Resolution runs on libuv's
threadpool (``uv_getaddrinfo``) like Node's, never on the loop thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from nodenet_uv import _validators as validators
from nodenet_uv import errors
from nodenet_uv._binding import cares_wrap
from nodenet_uv._internal import task_queues
from nodenet_uv._internal import warning as _warning
from nodenet_uv._internal.inspect import js_truthy
from nodenet_uv._internal.naming import alias_module
from nodenet_uv._internal.net import isIP

__all__ = [
    "ADDRCONFIG",
    "ALL",
    "V4MAPPED",
    "getDefaultResultOrder",
    "lookup",
    "setDefaultResultOrder",
]

ADDRCONFIG = cares_wrap.AI_ADDRCONFIG
ALL = cares_wrap.AI_ALL
V4MAPPED = cares_wrap.AI_V4MAPPED

_VALID_FAMILIES = [0, 4, 6]
_VALID_DNS_ORDERS = ["verbatim", "ipv4first", "ipv6first"]
_dns_order = "verbatim"
_warned_invalid_hostname = [False]


def getDefaultResultOrder() -> str:
    """The default ``order`` of lookup() results (Node: ``dns.getDefaultResultOrder``)."""
    return _dns_order


def setDefaultResultOrder(value: Any) -> None:
    """Set the default ``order`` of lookup() results (Node: ``dns.setDefaultResultOrder``)."""
    global _dns_order
    validators.validate_one_of(value, "dnsOrder", _VALID_DNS_ORDERS)
    _dns_order = value


def validateHints(hints: int) -> None:
    if hints & ~(ADDRCONFIG | ALL | V4MAPPED):
        raise errors.ERR_INVALID_ARG_VALUE("hints", hints)


def emitInvalidHostnameWarning(hostname: Any) -> None:
    if not _warned_invalid_hostname[0]:
        _warned_invalid_hostname[0] = True
        shown = "undefined" if hostname is None else str(hostname)
        _warning.emit_warning(
            f'The provided hostname "{shown}" is not a valid hostname, and is supported in '
            "the dns module solely for compatibility.",
            "DeprecationWarning",
            "DEP0118",
        )


def lookup(hostname: Any, options: Any = None, callback: Any = None) -> Any:
    """Resolve ``hostname``; ``callback(err, address, family)`` or, with ``all``,
    ``callback(err, [{'address': ..., 'family': ...}, ...])``."""
    hints = 0
    family: Any = 0
    all_ = False
    dns_order = _dns_order
    if js_truthy(hostname):
        validators.validate_string_without_null_bytes(hostname, "hostname")
    if callable(options) and callback is None:
        callback = options
        family = 0
    elif isinstance(options, (int, float)) and not isinstance(options, bool):
        validators.validate_function(callback, "callback")
        validators.validate_one_of(options, "family", _VALID_FAMILIES)
        family = options
    elif options is not None and not isinstance(options, dict):
        validators.validate_function(callback if callback is not None else options, "callback")
        raise errors.ERR_INVALID_ARG_TYPE("options", ["integer", "object"], options)
    else:
        validators.validate_function(callback, "callback")
        opts = options or {}
        if opts.get("hints") is not None:
            validators.validate_number(opts["hints"], "options.hints")
            hints = int(opts["hints"]) & 0xFFFFFFFF
            validateHints(hints)
        if opts.get("family") is not None:
            fam = opts["family"]
            if fam == "IPv4":
                family = 4
            elif fam == "IPv6":
                family = 6
            else:
                validators.validate_one_of(fam, "options.family", _VALID_FAMILIES)
                family = fam
        if opts.get("all") is not None:
            validators.validate_boolean(opts["all"], "options.all")
            all_ = opts["all"]
        if opts.get("verbatim") is not None:
            validators.validate_boolean(opts["verbatim"], "options.verbatim")
            dns_order = "verbatim" if opts["verbatim"] else "ipv4first"
        if opts.get("order") is not None:
            validators.validate_one_of(opts["order"], "options.order", _VALID_DNS_ORDERS)
            dns_order = opts["order"]

    cb: Callable[..., Any] = callback
    if not hostname:
        emitInvalidHostnameWarning(hostname)
        if all_:
            task_queues.next_tick(cb, None, [])
        else:
            task_queues.next_tick(cb, None, None, 6 if family == 6 else 4)
        return {}

    matched_family = isIP(hostname)
    if matched_family:
        if all_:
            task_queues.next_tick(cb, None, [{"address": hostname, "family": matched_family}])
        else:
            task_queues.next_tick(cb, None, hostname, matched_family)
        return {}

    req = cares_wrap.GetAddrInfoReqWrap()
    req.callback = cb
    req.family = family
    req.hostname = hostname

    def onlookup(err: int, addresses: list[str]) -> None:
        if err:
            cb(errors.DNSException(err, "getaddrinfo", hostname))
            return
        cb(None, addresses[0], family or isIP(addresses[0]))

    def onlookupall(err: int, addresses: list[str]) -> None:
        if err:
            cb(errors.DNSException(err, "getaddrinfo", hostname))
            return
        cb(None, [{"address": a, "family": family or isIP(a)} for a in addresses])

    req.oncomplete = onlookupall if all_ else onlookup
    order = cares_wrap.DNS_ORDER_VERBATIM
    if dns_order == "ipv4first":
        order = cares_wrap.DNS_ORDER_IPV4_FIRST
    elif dns_order == "ipv6first":
        order = cares_wrap.DNS_ORDER_IPV6_FIRST
    err = cares_wrap.getaddrinfo(req, hostname, int(family), hints, order)
    if err:
        task_queues.next_tick(cb, errors.DNSException(err, "getaddrinfo", hostname))
        return {}
    return req


__all__ += alias_module(globals(), __all__)


# BEGIN twins (tools/gen_twins.py: what NodeNames/alias_module make at run time)
if TYPE_CHECKING:
    get_default_result_order = getDefaultResultOrder
    set_default_result_order = setDefaultResultOrder
# END twins
