"""Node's C++ layer (src/*_wrap.cc, timers.cc, cares_wrap.cc) in Python, on pyuv.

The contract, as in Node's bindings: thin and policy-free. Methods return ``0`` or a
negative libuv error code (pyuv's exceptions become that code at one boundary,
:func:`nodenet_uv._binding.uv.convert_error`), nothing here raises a Node error or emits
an event, and every pyuv callback enters the JS-level code through
:func:`nodenet_uv._binding.loop.make_callback`. Requests complete as Node's do, with
``this`` passed first where Node binds it: a write or shutdown through
``req.oncomplete(req, status)``, a connect through ``req.oncomplete(status, handle, req,
readable, writable)`` (AfterConnect's arguments). This package is the only code that
imports pyuv, on libuv 1.52.1 (Node 24's).
"""
