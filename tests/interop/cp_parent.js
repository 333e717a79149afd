// Parent side run by node for tests/interop/test_child_process_interop.py:
// node cp_parent.js <child.py> <python> <messages.json> [serialization]; prints a JSON
// report.
'use strict';
const cp = require('child_process');
const net = require('net');
const fs = require('fs');
const [childPath, python, msgPath, serialization = 'json'] = process.argv.slice(2);
const messages = JSON.parse(fs.readFileSync(msgPath, 'utf8'));
const report = { echoed: [], reads: [], events: [] };
const child = cp.fork(childPath, [], { execPath: python, serialization });
let phase = 'echo';
let server;
function connectRead(port, cb) {
  const s = net.connect(port, '127.0.0.1');
  let data = '';
  s.setEncoding('utf8');
  s.on('data', (d) => { data += d; });
  s.on('end', () => { report.reads.push(data); cb(); });
}
child.on('message', (m, handle) => {
  if (phase === 'echo') {
    if (m === '__done__') {
      phase = 'server';
      server = net.createServer((s) => s.end('parent-before-send'));
      server.listen(0, '127.0.0.1', () => child.send('server', server));
    } else {
      report.echoed.push(m);
    }
  } else if (m === 'got-server') {
    const port = server.address().port;
    server.close();
    connectRead(port, () => connectRead(port, () => child.send('make-server')));
  } else if (m && m.port) {
    report.gotServer = handle instanceof net.Server;
    handle.on('connection', (s) => s.end('parent'));
    connectRead(m.port, () => { handle.close(); child.send('bye'); });
  }
});
child.on('disconnect', () => report.events.push('disconnect'));
child.on('exit', (code, sig) => report.events.push(['exit', code, sig]));
child.on('close', (code, sig) => {
  report.events.push(['close', code, sig]);
  console.log(JSON.stringify(report));
});
for (const m of messages) child.send(m);
child.send('__done__');
