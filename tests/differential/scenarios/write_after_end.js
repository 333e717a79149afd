// Rule 11 (§15): write() after our end(): returns false; nextTick write-cb(
// ERR_STREAM_WRITE_AFTER_END) -> 'error' -> 'close'(true). Also write() after destroy():
// ERR_STREAM_DESTROYED to the callback and no 'error'.
'use strict';
const net = require('net');
const { trace, mark, alias } = require(process.env.NODENET_UV_TRACE_JS);

let closed = 0;
const server = net.createServer((sock) => {
  sock.resume();
  sock.on('error', () => {});
  sock.on('close', () => { if (++closed === 2) server.close(); });
});

server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  alias(port, '<port>');
  const a = trace(net.connect(port, '127.0.0.1'), 'after-end');
  a.on('connect', () => {
    a.end('bye');
    const r = a.write('late', (err) => mark('after-end', 'write-cb', err));
    mark('after-end', 'write-returned', [r, a.destroyed, a.writableEnded]);
  });
  a.on('error', () => mark('after-end', 'error:readyState', a.readyState));

  const b = trace(net.connect(port, '127.0.0.1'), 'after-destroy');
  b.on('connect', () => {
    b.destroy();
    const r = b.write('late', (err) => mark('after-destroy', 'write-cb', err));
    mark('after-destroy', 'write-returned', r);
    b.end((err) => mark('after-destroy', 'end-cb', err));
  });
});
