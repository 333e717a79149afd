// Child side of tests/interop/test_child_process_interop.py (node's fork channel).
'use strict';
const net = require('net');
const received = [];
let theirServer = null;
process.on('message', (m, handle) => {
  if (m === '__done__') {
    for (const v of received) process.send(v);
    process.send('__done__');
  } else if (m === 'server') {
    theirServer = handle;
    handle.on('connection', (s) => s.end('child'));
    process.send('got-server');
  } else if (m === 'make-server') {
    const srv = net.createServer((s) => s.end('from-child-server'));
    srv.listen(0, '127.0.0.1', () => {
      process.send({ port: srv.address().port }, srv, () => srv.close());
    });
  } else if (m === 'bye') {
    if (theirServer) theirServer.close();
    process.disconnect();
  } else {
    received.push(m);
  }
});
