"""Node's C++ layer (src/*_wrap.cc, timers.cc, cares_wrap.cc) in Python, on pyuv.

The contract, as in Node's bindings: thin and policy-free. Methods return ``0`` or a
negative libuv error code, requests complete through ``req.oncomplete(status, ...)``,
nothing here raises a Node error or emits an event, and every pyuv callback enters the
JS-level code through :func:`nodenet_uv._binding.loop.make_callback`. This package is the
only code that imports pyuv.
"""
