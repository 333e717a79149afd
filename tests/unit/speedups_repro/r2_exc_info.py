# A 'data' listener raises; an 'uncaughtException' handler logs it the usual Python way
# (sys.exc_info / logging.exception / traceback.print_exc), and a handler bug is chained.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import echo, mode

from nodenet_uv import process

got = []


def handler(err, origin):
    got.append(type(sys.exc_info()[1]).__name__)


process.on("uncaughtException", handler)

n = {"i": 0}


def on_data(sock, chunk):
    n["i"] += 1
    sock.write(chunk)
    if n["i"] == 2:
        raise ValueError("boom in listener")


echo(on_data=on_data)
print(mode(), "sys.exc_info() inside the uncaughtException handler:", got)
