'use strict';
// A cluster worker on node (tests/interop/test_cluster_interop.py): each connection sends
// one line `ping N`; the worker answers `pong N js<id> <payload>` and ends. The same
// program as cluster_worker.py.
const cluster = require('cluster');
const net = require('net');

const TAG = `js${cluster.worker.id}`;
const PAD = 'x'.repeat(200); // the reply is a few hundred bytes: a short one is a dropped tail

net.createServer((sock) => {
  const buf = [];
  sock.on('data', (chunk) => {
    buf.push(chunk);
    if (chunk[chunk.length - 1] === 10) {
      const n = Buffer.concat(buf).toString().split(' ')[1].trim();
      sock.end(`pong ${n} ${TAG} ${PAD}\n`);
    }
  });
  sock.on('error', () => sock.destroy());
}).listen(0, '127.0.0.1');
