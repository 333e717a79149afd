// Rule 10 (§15), §16: destroy() of a socket that never had a handle: nextTick 'close'
// with NO argument; destroy(err): 'error' then 'close'(); resetAndDestroy() without a
// handle: 'error' ERR_SOCKET_CLOSED. A fresh socket's state.
'use strict';
const net = require('net');
const { trace, mark } = require(process.env.NODENET_UV_TRACE_JS);

const a = trace(new net.Socket(), 'plain');
mark('plain', 'fresh', [a.readyState, a.pending, a.connecting, a.bufferSize, a.bytesRead,
                        a.bytesWritten, a.remoteAddress, a.timeout, a.destroyed]);
mark('plain', 'address', a.address());
a.on('close', (hadError) => mark('plain', 'close:arg', hadError));
a.destroy();
mark('plain', 'after-destroy', [a.readyState, a.destroyed, a.pending]);
process.nextTick(() => mark('plain', 'tick'));
a.destroy(); // idempotent

const b = trace(new net.Socket(), 'with-error');
b.on('error', () => mark('with-error', 'error:readyState', b.readyState));
const err = new Error('nope');
err.code = 'ENOPE';
b.destroy(err);

const c = trace(new net.Socket(), 'reset');
c.on('error', () => mark('reset', 'error:destroyed', c.destroyed));
mark('reset', 'returns-this', c.resetAndDestroy() === c);
