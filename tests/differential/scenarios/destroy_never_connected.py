"""Rule 10 (§15): destroy() of a never-connected socket; the twin of the .js file."""

from nodenet_uv import net, process, run
from nodenet_uv.testing.trace import mark, trace


class Nope(Exception):
    code = "ENOPE"


a = trace(net.Socket(), "plain")
mark(
    "plain",
    "fresh",
    [
        a.readyState,
        a.pending,
        a.connecting,
        a.bufferSize,
        a.bytesRead,
        a.bytesWritten,
        a.remoteAddress,
        a.timeout,
        a.destroyed,
    ],
)
mark("plain", "address", a.address())
a.on("close", lambda had_error=None: mark("plain", "close:arg", had_error))
a.destroy()
mark("plain", "after-destroy", [a.readyState, a.destroyed, a.pending])
process.nextTick(lambda: mark("plain", "tick"))
a.destroy()  # idempotent

b = trace(net.Socket(), "with-error")
b.on("error", lambda _e: mark("with-error", "error:readyState", b.readyState))
b.destroy(Nope("nope"))

c = trace(net.Socket(), "reset")
c.on("error", lambda _e: mark("reset", "error:destroyed", c.destroyed))
mark("reset", "returns-this", c.resetAndDestroy() is c)
run()
