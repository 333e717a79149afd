// Rule 13 (§15): 'drain' only after a write() returned false, once the buffer is fully
// flushed, and before the callbacks of that batch run. bufferSize/writableLength and
// writableNeedDrain around it. The peer reads only after 50 ms, so 16 MiB cannot be
// taken by the kernel at once and the big write() returns false.
'use strict';
const net = require('net');
const { trace, mark, alias } = require(process.env.NODENET_UV_TRACE_JS);

const server = net.createServer({ pauseOnConnect: true }, (sock) => {
  let n = 0;
  setTimeout(() => sock.resume(), 50);
  sock.on('data', (d) => { n += d.length; });
  sock.on('end', () => { mark('server', 'received', n); sock.end(); });
  sock.on('close', () => server.close());
});

server.listen(0, '127.0.0.1', () => {
  alias(server.address().port, '<port>');
  const client = trace(net.connect(server.address().port, '127.0.0.1'), 'client',
                       ['drain', 'finish', 'close', 'error']);
  client.on('connect', () => {
    const small = client.write('x'.repeat(100), () => mark('client', 'cb-small'));
    mark('client', 'small-returned', [small, client.writableNeedDrain]);
    const big = client.write(Buffer.alloc(16 * 1024 * 1024), () => mark('client', 'cb-big'));
    mark('client', 'big-returned', [big, client.writableNeedDrain]);
    const after = client.write('y', () => mark('client', 'cb-after'));
    mark('client', 'after-returned', after);
  });
  client.on('drain', () => {
    mark('client', 'drain:state', [client.writableLength, client.bufferSize,
                                   client.writableNeedDrain]);
    client.end();
  });
  client.resume();
});
