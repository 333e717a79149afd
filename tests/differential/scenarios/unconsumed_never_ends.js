// Rule 18 (§15): data nobody consumes keeps 'end' from being emitted after the peer's
// FIN, so an allowHalfOpen=false socket never closes by itself (here: destroyed after
// 100 ms). With no data at all, the FIN still gives 'end' without any reader.
'use strict';
const net = require('net');
const { trace, mark, alias } = require(process.env.NODENET_UV_TRACE_JS);

let closed = 0;
const server = net.createServer((sock) => {
  sock.once('data', (d) => sock.end(String(d) === 'data' ? 'payload' : undefined));
  sock.on('close', () => { if (++closed === 2) server.close(); });
});

function state(s) {
  return [s.readyState, s.readableEnded, s.readableLength, s.readableFlowing, s.bytesRead];
}

server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  alias(port, '<port>');
  for (const label of ['data', 'no-data']) {
    const c = trace(net.connect(port, '127.0.0.1', () => c.write(label)), label);
    setTimeout(() => {
      mark(label, '100ms', state(c));
      c.destroy();
    }, 100);
    c.on('close', () => mark(label, 'close', state(c)));
  }
});
