"""Tests for nodenet_uv._binding.uv (src/uv.cc): libuv error names and messages.

Differential: ``node`` dumps ``process.binding('uv')`` (its UV_* constants and
``getErrorMap()``); our table must match it byte for byte for every code.
"""

from __future__ import annotations

import json
import subprocess
from typing import Any

import pytest

from nodenet_uv._binding import uv
from nodenet_uv.testing.node_peer import find_node

NODE = find_node()
needs_node = pytest.mark.skipif(NODE is None, reason="node is not installed")

UNKNOWN_TO_LIBUV = [-116, -99999, -4000]


@pytest.fixture(scope="module")
def node_uv() -> dict[str, Any]:
    if NODE is None:
        pytest.skip("node is not installed")
    script = (
        "const u = process.binding('uv');\n"
        "const constants = {};\n"
        "for (const k of Object.keys(u)) if (k.startsWith('UV_')) constants[k] = u[k];\n"
        "const names = {};\n"
        f"for (const c of {json.dumps(UNKNOWN_TO_LIBUV)}) names[c] = u.errname(c);\n"
        "process.stdout.write(JSON.stringify({constants, map: [...u.getErrorMap()], names}));\n"
    )
    proc = subprocess.run(
        [NODE, "-e", script], capture_output=True, text=True, timeout=30, check=False
    )
    assert proc.returncode == 0, proc.stderr
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


@needs_node
def test_error_map_matches_node(node_uv: dict[str, Any]) -> None:
    node_map = {int(code): (name, message) for code, (name, message) in node_uv["map"]}
    assert len(node_map) >= 80
    ours = uv.error_map()
    assert ours == node_map
    for code, (name, message) in node_map.items():
        assert uv.errname(code) == name
        assert uv.strerror(code) == message
        assert uv.errmap_get(code) == (name, message)


@needs_node
def test_constants_match_node(node_uv: dict[str, Any]) -> None:
    constants: dict[str, int] = node_uv["constants"]
    for name, value in constants.items():
        assert getattr(uv, name) == value, name
    ours = {name for name in dir(uv) if name.startswith("UV_")}
    assert ours == set(constants)


@needs_node
def test_unknown_codes_match_node(node_uv: dict[str, Any]) -> None:
    for code in UNKNOWN_TO_LIBUV:
        assert uv.errname(code) == node_uv["names"][str(code)]
        assert uv.strerror(code) == f"Unknown system error {code}"
        assert uv.errmap_get(code) is None


def test_constants_match_pyuv() -> None:
    import pyuv

    for code, uv_name in pyuv.errno.errorcode.items():
        assert getattr(uv, uv_name) == code
        assert uv.errname(code) == uv_name[len("UV_") :]
        assert uv.strerror(code) == pyuv.errno.strerror(code)


def test_known_names_and_messages() -> None:
    assert uv.errname(-111) == "ECONNREFUSED"
    assert uv.errname(uv.UV_ECONNREFUSED) == "ECONNREFUSED"
    assert uv.strerror(-111) == "connection refused"
    assert uv.strerror(uv.UV_EADDRINUSE) == "address already in use"
    assert uv.errname(uv.UV_EOF) == "EOF" and uv.strerror(uv.UV_EOF) == "end of file"
    assert uv.errname(uv.UV_EAI_NONAME) == "EAI_NONAME"
    assert uv.UV_EAI_NONAME == -3008
    # Codes libuv 1.13 (pyuv) lacks come from Node's map.
    assert uv.errname(-84) == "EILSEQ" and uv.strerror(-84) == "illegal byte sequence"
    assert uv.errname(uv.UV_EFTYPE) == "EFTYPE"


def test_errname_rejects_non_negative() -> None:
    with pytest.raises(ValueError):
        uv.errname(0)
    with pytest.raises(ValueError):
        uv.errname(5)


def test_error_map_is_a_copy() -> None:
    table = uv.error_map()
    table[-111] = ("X", "y")
    assert uv.errname(-111) == "ECONNREFUSED"
