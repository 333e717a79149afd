"""Public names of net, events, stream and timers/promises against Node's ``module.exports``
(style §9.10).

``NODE_EXPORTS`` is ``Object.keys(require(m))`` of node v20.20.2 (the oracle; the live
``node`` is checked against it when installed). Every Node export must be in the module's
``__all__`` or in ``KNOWN_MISSING`` with the reason it is absent (we report a gap rather
than fake an export); no public name may exist that Node lacks, other than the snake_case
twins (docs/python-rules.md). ``_``-prefixed Node exports (internal helpers) are not compared.
"""

from __future__ import annotations

import ast
import json
import subprocess
from pathlib import Path
from types import ModuleType

import pytest

import nodenet_uv
from nodenet_uv import child_process, events, net, stream, timers
from nodenet_uv._internal.naming import snake
from nodenet_uv.testing.node_peer import find_node

# node -p "JSON.stringify(Object.keys(require('net')).sort())", and so on.
NODE_EXPORTS: dict[str, list[str]] = {
    "net": [
        "BlockList",
        "BoundSocket",
        "Server",
        "Socket",
        "SocketAddress",
        "Stream",
        "_TransferredBoundSocket",
        "_createServerHandle",
        "_normalizeArgs",
        "connect",
        "createConnection",
        "createServer",
        "getDefaultAutoSelectFamily",
        "getDefaultAutoSelectFamilyAttemptTimeout",
        "isIP",
        "isIPv4",
        "isIPv6",
        "setDefaultAutoSelectFamily",
        "setDefaultAutoSelectFamilyAttemptTimeout",
    ],
    "child_process": [
        "ChildProcess",
        "_forkChild",
        "exec",
        "execFile",
        "execFileSync",
        "execSync",
        "fork",
        "spawn",
        "spawnSync",
    ],
    "events": [
        "EventEmitter",
        "EventEmitterAsyncResource",
        "addAbortListener",
        "captureRejectionSymbol",
        "captureRejections",
        "defaultMaxListeners",
        "errorMonitor",
        "getEventListeners",
        "getMaxListeners",
        "init",
        "listenerCount",
        "on",
        "once",
        "setMaxListeners",
        "usingDomains",
    ],
    "stream": [
        "Duplex",
        "PassThrough",
        "Readable",
        "Stream",
        "Transform",
        "Writable",
        "_isArrayBufferView",
        "_isUint8Array",
        "_uint8ArrayToBuffer",
        "addAbortSignal",
        "compose",
        "destroy",
        "duplexPair",
        "finished",
        "getDefaultHighWaterMark",
        "isDestroyed",
        "isDisturbed",
        "isErrored",
        "isReadable",
        "isWritable",
        "pipeline",
        "promises",
        "setDefaultHighWaterMark",
    ],
    "stream.promises": ["finished", "pipeline"],
    "timers.promises": ["scheduler", "setImmediate", "setInterval", "setTimeout"],
}

# Node exports we do not have, and why. Remove an entry when the export lands.
KNOWN_MISSING: dict[str, dict[str, str]] = {
    "net": {},
    "child_process": {},
    "events": {
        "EventEmitterAsyncResource": "needs async_hooks (AsyncResource), not ported",
        "init": "EventEmitter.init, the legacy constructor body; EventEmitter() does it",
    },
    "stream": {},
    "stream.promises": {},
    "timers.promises": {},
}

MODULES: dict[str, ModuleType] = {
    "net": net,
    "child_process": child_process,
    "events": events,
    "stream": stream,
    "stream.promises": stream.promises,
    "timers.promises": timers.promises,
}


def _public(names: list[str]) -> list[str]:
    return [n for n in names if not n.startswith("_")]


@pytest.mark.parametrize("name", sorted(MODULES))
def test_node_exports_are_present_or_known_missing(name: str) -> None:
    module = MODULES[name]
    ours = set(module.__all__)
    missing = {n for n in _public(NODE_EXPORTS[name]) if n not in ours}
    assert missing == set(KNOWN_MISSING[name]), (
        f"{name}: missing {sorted(missing - set(KNOWN_MISSING[name]))}, "
        f"no longer missing (drop from KNOWN_MISSING): "
        f"{sorted(set(KNOWN_MISSING[name]) - missing)}"
    )
    for n in ours & set(NODE_EXPORTS[name]):
        assert hasattr(module, n), f"{name}.{n} is in __all__ but not an attribute"


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_public_names_node_lacks(name: str) -> None:
    module = MODULES[name]
    node = set(NODE_EXPORTS[name])
    extra = {n for n in module.__all__ if n not in node and n not in {snake(x) for x in node}}
    assert not extra, f"{name}: public names Node's module does not export: {sorted(extra)}"


@pytest.mark.parametrize("name", sorted(MODULES))
def test_every_camel_case_export_has_its_snake_case_twin(name: str) -> None:
    module = MODULES[name]
    for n in module.__all__:
        s = snake(n)
        if s == n or n[:1].isupper():
            continue  # one word, or a class (classes keep Node's name only)
        assert s in module.__all__, f"{name}.{n}: no {s} in __all__"
        assert getattr(module, s) is getattr(module, n), f"{name}.{s} is not {name}.{n}"


def test_package_init_only_reexports() -> None:
    tree = ast.parse(Path(nodenet_uv.__file__).read_text())
    for node in tree.body:
        ok = isinstance(node, (ast.Import, ast.ImportFrom)) or (
            isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
        )
        ok = ok or (
            isinstance(node, ast.Assign)
            and [getattr(t, "id", None) for t in node.targets] == ["__all__"]
        )
        assert ok, f"nodenet_uv/__init__.py:{node.lineno} defines something: {ast.dump(node)}"
    for n in nodenet_uv.__all__:
        assert hasattr(nodenet_uv, n)


@pytest.mark.skipif(find_node() is None, reason="node is not installed")
def test_pinned_lists_are_what_node_exports() -> None:
    script = (
        "const s=require('stream');const o={};"
        "for (const m of ['net','events','stream','child_process'])"
        " o[m]=Object.keys(require(m)).sort();"
        "o['stream.promises']=Object.keys(s.promises).sort();"
        "o['timers.promises']=Object.keys(require('timers/promises')).sort();"
        "o.version=process.version;console.log(JSON.stringify(o))"
    )
    out = subprocess.run(
        ["node", "-e", script], capture_output=True, text=True, timeout=30, check=True
    )
    live = json.loads(out.stdout)
    assert live.pop("version") == "v24.22.3"  # the pinned lists are node v24.22.3's
    assert live == NODE_EXPORTS
