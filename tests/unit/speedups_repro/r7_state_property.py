# A state slot wrapped in a property at run time (a debugging/tracing aid): the Python path
# goes through it, the C path reads/writes the slot by offset and never calls it.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import echo, mode

from nodenet_uv.stream.readable import ReadableState
from nodenet_uv.stream.writable import WritableState

writes = {"rs.reading": 0, "ws.writing": 0}


def wrap(cls, name, key):
    md = cls.__dict__[name]

    def fset(s, v):
        writes[key] += 1
        md.__set__(s, v)

    setattr(cls, name, property(md.__get__, fset))


echo()  # configure first
wrap(ReadableState, "reading", "rs.reading")
wrap(WritableState, "writing", "ws.writing")
echo()
print(mode(), "property setter calls:", writes)
