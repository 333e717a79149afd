const cluster = require('cluster'); const net = require('net');
process.execPath = process.env.PY;
cluster.setupPrimary({ exec: process.env.WORKER, args: [] });
let n = 0;
for (let i = 0; i < 2; i++) cluster.fork();
cluster.on('online', (w) => console.log('online', w.id));
cluster.on('listening', (w, a) => {
  console.log('listening', w.id, JSON.stringify(a));
  if (++n === 2) {
    const got = []; let left = 4;
    for (let j = 0; j < 4; j++) {
      const c = net.connect(a.port, '127.0.0.1');
      c.on('data', (d) => { got.push(String(d)); c.end(); if (--left === 0) { console.log('got', got.sort().join(',')); cluster.disconnect(() => console.log('disconnected')); } });
    }
  }
});
cluster.on('exit', (w, code, sig) => console.log('exit', w.id, code, sig, w.exitedAfterDisconnect));
