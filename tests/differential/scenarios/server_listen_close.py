"""Rules 15, 20 (§15): server 'listening' and 'close'; the twin of the .js file."""

from typing import Any

from nodenet_uv import net, process, run
from nodenet_uv.testing.trace import mark, trace
from nodenet_uv.timers import setTimeout


def addr(s: net.Server) -> Any:
    a = s.address()
    return a and [a["address"], a["family"], "number" if isinstance(a["port"], int) else "?"]


a = trace(net.createServer(), "no-host")


def a_listening() -> None:
    mark("no-host", "cb:address", addr(a))
    a.close(lambda err=None: mark("no-host", "close-cb", err))
    mark("no-host", "after-close", [a.listening, a.address()])


a.listen(0, a_listening)
mark("no-host", "after-listen", [a.listening, addr(a)])
process.nextTick(lambda: mark("no-host", "tick-after-listen"))

b = trace(net.createServer(), "with-host")


def b_listening() -> None:
    mark("with-host", "cb:address", addr(b))
    b.close()


b.listen(0, "127.0.0.1", b_listening)
mark("with-host", "after-listen", [b.listening, b.address()])

c = trace(net.createServer(), "listen-close")
c.listen(0)
c.close(lambda err=None: mark("listen-close", "close-cb", err))
mark("listen-close", "after-close", c.listening)
process.nextTick(lambda: mark("listen-close", "tick"))

d = trace(net.createServer(), "host-listen-close")
d.listen(0, "127.0.0.1")
d.close(lambda err=None: mark("host-listen-close", "close-cb", err))
setTimeout(lambda: mark("host-listen-close", "later", d.listening), 20)

e = trace(net.createServer(), "never")


def e_closed(err: Any = None) -> None:
    mark("never", "close-cb", err)
    e.close(lambda err2=None: mark("never", "close-cb-2", err2))


e.close(e_closed)
run()
