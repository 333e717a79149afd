// Rule 5 (§15): destroy() while connecting gives only 'close'(false): no 'connect', no
// 'error', even when the connect would have failed. Destroyed before the attempt (sync
// after connect()), inside 'connectionAttempt' (to a listener and to a refused port),
// and during a (custom, slow) lookup on both lookup paths.
'use strict';
const net = require('net');
const { trace, mark, alias } = require(process.env.NODENET_UV_TRACE_JS);

const server = net.createServer((sock) => sock.destroy());
const probe = net.createServer();
let pending = 5;
function done() {
  if (--pending === 0) server.close();
}

function watch(sock, label) {
  trace(sock, label);
  sock.on('close', () => {
    mark(label, 'close:state', [sock.readyState, sock.connecting, sock.pending]);
    done();
  });
  return sock;
}

function slowLookup(host, opts, cb) {
  setTimeout(() => {
    if (opts.all) cb(null, [{ address: '127.0.0.1', family: 4 }]);
    else cb(null, '127.0.0.1', 4);
  }, 20);
}

server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  alias(port, '<port>');
  const a = watch(net.connect(port, '127.0.0.1'), 'sync');
  a.destroy();
  mark('sync', 'after-destroy', [a.readyState, a.connecting, a.destroyed]);

  const b = watch(net.connect(port, '127.0.0.1'), 'in-attempt');
  // (A destroy() inside the 'connectionAttempt' listener crashes node 20: defer it.)
  b.on('connectionAttempt', () => process.nextTick(() => b.destroy()));

  const d = watch(net.connect({ port, host: 'slow.invalid', family: 4, lookup: slowLookup }),
                  'in-lookup-single');
  setTimeout(() => d.destroy(), 5);
  const e = watch(net.connect({ port, host: 'slow.invalid', lookup: slowLookup }),
                  'in-lookup-multi');
  setTimeout(() => e.destroy(), 5);

  probe.listen(0, '127.0.0.1', () => {
    const dead = probe.address().port;
    alias(dead, '<dead-port>');
    probe.close(() => {
      const c = watch(net.connect(dead, '127.0.0.1'), 'refused-in-attempt');
      c.on('connectionAttempt', () => process.nextTick(() => c.destroy()));
    });
  });
});
