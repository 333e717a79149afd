// Rule 12 (§15): write after the peer's FIN with allowHalfOpen false.
// (a) we called end() first, then write inside 'end': returns false, destroyed on return,
//     nextTick cb(EPIPE 'This socket has been ended by the other party'), 'error' (no
//     errno/syscall), 'close'(true).
// (b) we did not end(): a write inside 'end' goes out normally; a write in setImmediate
//     (after the automatic end()) gets cb(EPIPE), no 'error', 'close'(false).
'use strict';
const net = require('net');
const { trace, mark, alias } = require(process.env.NODENET_UV_TRACE_JS);

let closed = 0;
const server = net.createServer((sock) => {
  sock.on('data', (d) => mark('server', 'data', d.toString()));
  sock.on('error', () => {});
  sock.on('close', () => { if (++closed === 2) server.close(); });
  sock.once('data', (d) => { if (d.toString() === 'b') sock.end(); });
});

server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  alias(port, '<port>');

  const a = trace(net.connect(port, '127.0.0.1'), 'a');
  a.resume();
  a.on('connect', () => a.end());
  a.on('end', () => {
    const r = a.write('x', (err) => mark('a', 'write-cb', err));
    mark('a', 'write-returned', [r, a.destroyed]);
  });
  a.on('error', (err) => mark('a', 'error:props', [err.errno, err.syscall, a.readyState]));

  const b = trace(net.connect(port, '127.0.0.1'), 'b');
  b.resume();
  b.on('connect', () => b.write('b'));
  b.on('end', () => {
    const r = b.write('in-end', (err) => mark('b', 'in-end-cb', err));
    mark('b', 'in-end-returned', [r, b.writableEnded]);
    setImmediate(() => {
      mark('b', 'immediate:state', [b.writableEnded, b.destroyed]);
      const r2 = b.write('later', (err) => mark('b', 'later-cb', err));
      mark('b', 'later-returned', r2);
    });
  });
});
