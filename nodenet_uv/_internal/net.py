"""Port of Node.js lib/internal/net.js (v24.22.3): isIP, isIPv4, isIPv6, isLoopback.

The tests are Node's regular expressions; like ``RegExp.prototype.test`` they stringify
the argument first, so ``isIP(127) == 0`` and ``isIP() == 0``.
"""

from __future__ import annotations

import re
from typing import Any

from nodenet_uv._internal.inspect import js_string

_V4_SEG = r"(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])"
_V4_STR = rf"(?:{_V4_SEG}\.){{3}}{_V4_SEG}"
_V6_SEG = r"(?:[0-9a-fA-F]{1,4})"
IPV4_REG = re.compile(rf"{_V4_STR}")
IPV6_REG = re.compile(
    "(?:"
    rf"(?:{_V6_SEG}:){{7}}(?:{_V6_SEG}|:)|"
    rf"(?:{_V6_SEG}:){{6}}(?:{_V4_STR}|:{_V6_SEG}|:)|"
    rf"(?:{_V6_SEG}:){{5}}(?::{_V4_STR}|(?::{_V6_SEG}){{1,2}}|:)|"
    rf"(?:{_V6_SEG}:){{4}}(?:(?::{_V6_SEG}){{0,1}}:{_V4_STR}|(?::{_V6_SEG}){{1,3}}|:)|"
    rf"(?:{_V6_SEG}:){{3}}(?:(?::{_V6_SEG}){{0,2}}:{_V4_STR}|(?::{_V6_SEG}){{1,4}}|:)|"
    rf"(?:{_V6_SEG}:){{2}}(?:(?::{_V6_SEG}){{0,3}}:{_V4_STR}|(?::{_V6_SEG}){{1,5}}|:)|"
    rf"(?:{_V6_SEG}:){{1}}(?:(?::{_V6_SEG}){{0,4}}:{_V4_STR}|(?::{_V6_SEG}){{1,6}}|:)|"
    rf"(?::(?:(?::{_V6_SEG}){{0,5}}:{_V4_STR}|(?::{_V6_SEG}){{1,7}}|:))"
    r")(?:%[0-9a-zA-Z\-.:]{1,})?"
)


def isIPv4(s: Any = None) -> bool:
    return IPV4_REG.fullmatch(s if type(s) is str else js_string(s)) is not None


def isIPv6(s: Any = None) -> bool:
    return IPV6_REG.fullmatch(s if type(s) is str else js_string(s)) is not None


def isIP(s: Any = None) -> int:
    if isIPv4(s):
        return 4
    if isIPv6(s):
        return 6
    return 0


# DIVERGENCE: makeSyncWrite (stdout/stderr over a blocking fd) has no use without tty
# handles here; not ported.


# https://www.iana.org/assignments/iana-ipv4-special-registry/iana-ipv4-special-registry.xhtml
# https://www.iana.org/assignments/iana-ipv6-special-registry/iana-ipv6-special-registry.xhtml
# https://www.iana.org/assignments/special-use-domain-names/special-use-domain-names.xhtml
def isLoopback(host: str) -> bool:
    host_lower = host.lower()

    return (
        host_lower == "localhost"
        or host_lower.startswith("127.")
        or host_lower == "[::1]"
        or host_lower == "::1"
        or host_lower == "[0:0:0:0:0:0:0:1]"
        or host_lower == "0:0:0:0:0:0:0:1"
    )
