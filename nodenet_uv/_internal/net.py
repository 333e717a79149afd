"""Port of Node.js lib/internal/net.js: isIP, isIPv4, isIPv6.

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


def is_ipv4(s: Any = None) -> bool:
    return IPV4_REG.fullmatch(s if type(s) is str else js_string(s)) is not None


def is_ipv6(s: Any = None) -> bool:
    return IPV6_REG.fullmatch(s if type(s) is str else js_string(s)) is not None


def is_ip(s: Any = None) -> int:
    if is_ipv4(s):
        return 4
    if is_ipv6(s):
        return 6
    return 0
