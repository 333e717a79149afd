"""The loop's signal checker (``_binding.loop._install_signal_checker``): a Python signal
handler runs while libuv waits, and what it raises comes out of ``run()``.

This is what turns a hung test into a failure: pytest-timeout's SIGALRM handler raises
while the loop sits in epoll_wait. It must keep working after any number of signals:
pyuv's own ``SignalChecker`` lost a reference per signal and was freed after the second
one, so the next walk of the loop's handles segfaulted or hung. Each case runs in a child
process, so a crash is a failed test and not a dead test run.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import gc, signal, time
from nodenet_uv import net, run
from nodenet_uv._binding import loop as _loop


class Alarm(Exception):
    pass


raising = True
seen = 0


def on_alarm(signum, frame):
    global seen
    seen += 1
    if raising:
        raise Alarm()


signal.signal(signal.SIGALRM, on_alarm)
for i in range(4):
    server = net.createServer()
    server.listen(0, '127.0.0.1')  # keeps the loop waiting forever
    raising = True
    signal.setitimer(signal.ITIMER_REAL, 0.05)
    try:
        run()
    except Alarm:
        print('interrupted', i, flush=True)
    # A signal that came while no loop ran leaves its byte for the next run()'s checker.
    raising = False
    signal.setitimer(signal.ITIMER_REAL, 0.01)
    time.sleep(0.1)
    server.close()
    run()
    gc.collect()
    len(_loop.loop.handles)  # walks every handle libuv holds, the checker's included
print('done', seen, flush=True)
"""


def test_signal_handler_interrupts_a_waiting_loop_every_time() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        timeout=30,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.splitlines() == [
        "interrupted 0",
        "interrupted 1",
        "interrupted 2",
        "interrupted 3",
        "done 8",
    ], proc.stderr
