'use strict';
// A node cluster primary for tests/interop/test_cluster_interop.py and
// bench/cluster_bench.py: `node cluster_primary.js KIND...` forks one worker per KIND,
// `py` (cluster_worker.py, or $PY_WORKER, run by $PY: the NODE_CLUSTER messages are node's,
// so a Python process is a worker like any other) or `js` (cluster_worker.js, or
// $JS_WORKER); $WORKER_ARGS, a JSON list, is their arguments.
// Stdout, one line per event: `online ID PID KIND`, `listening ID PORT`, then
// `ready PORT CTLPORT` once every worker listens. CTLPORT is a plain server of the
// primary's: the test connects to it and sends `quit`, then the primary runs
// cluster.disconnect() and prints `disconnect ID`, `exit ID CODE SIGNAL AFTERDISCONNECT`
// and `disconnected`, and ends. If the control connection closes without `quit` (the
// test died), the primary kills its workers.
// cluster_primary.py is the same program on nodenet_uv.
const cluster = require('cluster');
const net = require('net');
const path = require('path');

const kinds = process.argv.slice(2);
const NODE = process.execPath;
const PY = process.env.PY || 'python3';
const PY_WORKER = process.env.PY_WORKER || path.join(__dirname, 'cluster_worker.py');
const JS_WORKER = process.env.JS_WORKER || path.join(__dirname, 'cluster_worker.js');
const ARGS = JSON.parse(process.env.WORKER_ARGS || '[]'); // the workers' argv
const log = (...a) => process.stdout.write(a.map(String).join(' ') + '\n');

let listening = 0;
let port = null;
const ctl = net.createServer((c) => {
  let quit = false;
  c.setEncoding('utf8');
  c.on('data', (d) => {
    if (quit || !d.includes('quit')) return;
    quit = true;
    cluster.disconnect(() => {
      log('disconnected');
      c.destroy();
      ctl.close();
    });
  });
  c.on('close', () => {
    if (quit) return;
    for (const w of Object.values(cluster.workers)) w.kill();
    ctl.close();
    process.exitCode = 1;
  });
});

cluster.on('online', (w) => log('online', w.id, w.process.pid, w.kind));
cluster.on('listening', (w, a) => {
  log('listening', w.id, a.port);
  if (port !== null && port !== a.port) throw new Error(`port ${a.port} != ${port}`);
  port = a.port;
  if (++listening === kinds.length) {
    ctl.listen(0, '127.0.0.1', () => log('ready', port, ctl.address().port));
  }
});
cluster.on('disconnect', (w) => log('disconnect', w.id));
cluster.on('exit', (w, code, sig) => log('exit', w.id, code, sig, w.exitedAfterDisconnect));

for (const kind of kinds) {
  if (kind === 'py') {
    // node's cluster forks process.execPath (setupPrimary has no execPath setting).
    process.execPath = PY;
    cluster.setupPrimary({ exec: PY_WORKER, args: ARGS, execArgv: [] });
  } else {
    process.execPath = NODE;
    cluster.setupPrimary({ exec: JS_WORKER, args: ARGS, execArgv: [] });
  }
  cluster.fork().kind = kind;
}
process.execPath = NODE;
