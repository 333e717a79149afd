"""Node 24: a client's blockList refuses the destination; the twin of the .js file."""

from typing import Any

from nodenet_uv import net, run
from nodenet_uv.testing.trace import mark, trace

blockList = net.BlockList()
blockList.addAddress("127.0.0.1")
blockList.addAddress("127.0.0.2")

a = trace(net.connect({"port": 9, "host": "127.0.0.1", "blockList": blockList}), "literal")
a.on("error", lambda err: mark("literal", "error:props", [err.code, str(err), a.connecting]))

trace(
    net.connect(
        port=9,
        host="localhost",
        blockList=blockList,
        autoSelectFamily=False,
        lookup=lambda host, opts, cb: cb(None, "127.0.0.1", 4),
    ),
    "single",
).on("error", lambda err: None)

trace(
    net.connect(
        port=9,
        host="localhost",
        blockList=blockList,
        autoSelectFamily=True,
        lookup=lambda host, opts, cb: cb(None, [{"address": "127.0.0.1", "family": 4}]),
    ),
    "auto-one",
).on("error", lambda err: None)


def lookup_many(host: Any, opts: Any, cb: Any) -> None:
    cb(None, [{"address": "127.0.0.1", "family": 4}, {"address": "127.0.0.2", "family": 4}])


m = trace(
    net.connect(
        port=9, host="localhost", blockList=blockList, autoSelectFamily=True, lookup=lookup_many
    ),
    "auto-many",
)
m.on("error", lambda err: mark("auto-many", "errors", [e.code for e in err.errors]))

try:
    net.connect({"port": 9, "host": "127.0.0.1", "blockList": ["127.0.0.1"]})
except Exception as err:
    mark("bad", "throws", [err.code, str(err)])  # type: ignore[attr-defined]

run()
