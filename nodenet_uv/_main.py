"""The main-program runner: Node's lib/internal/main/run_main_module.js + SpinEventLoop.

``run()`` plays the part of a Node process: the main program runs, its nextTicks and
microtasks drain, then the loop runs until nothing ref'ed is left.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from nodenet_uv import process as _process  # noqa: F401  (installs the process hooks)
from nodenet_uv._binding import loop as _loop
from nodenet_uv._internal.promise import Promise, spawn


def run(main: Coroutine[Any, Any, Any] | Callable[[], Any] | None = None) -> Any:
    """Run the event loop until no ref'ed handle, timer, immediate or tick is left.

    Args:
        main: optional main program: a coroutine (run like a JS async function, so
            ``await events.once(sock, 'connect')`` works with no asyncio) or a callable.

    Returns:
        The coroutine's result, if ``main`` was a coroutine.

    Raises:
        BaseException: the first exception no ``process.on('uncaughtException')``
            listener took, with its original traceback (Node would crash); the loop stays
            usable afterwards.
    """
    promise: Promise | None = None
    # The calling thread owns the loop from the main program on: a thread the main
    # program starts cannot race it, and a run() from another thread is refused at once.
    with _loop.running():
        if main is not None:
            if isinstance(main, Coroutine):
                promise = spawn(main)
            else:
                # The main script runs in a callback scope: if it throws, the exception
                # goes to process.on('uncaughtException') (or ends run()), as in Node.
                _loop.make_callback(main)
        _loop.spin_event_loop()
    if promise is not None and promise.state != "pending":
        return promise.result()
    return None
