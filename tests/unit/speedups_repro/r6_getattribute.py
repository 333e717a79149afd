# Socket.__getattribute__ patched at run time (e.g. an attribute-access tracer / proxy):
# the class guard re-validates only the 8 method names, so the C path skips it.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import echo, mode

from nodenet_uv import net

echo()  # configure + warm the guard cache
seen = {}


def ga(self, name):
    if name in ("push", "emit", "_write", "read"):
        seen[name] = seen.get(name, 0) + 1
    return object.__getattribute__(self, name)


net.Socket.__getattribute__ = ga
echo()
print(mode(), "custom __getattribute__ saw:", seen)
