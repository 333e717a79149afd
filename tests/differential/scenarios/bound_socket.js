// Node 24.22: net.BoundSocket, adopted by a Socket (TCP: bound, then connect() in-tick
// with no lookup; pipe: the bound path is the localAddress) and by a Server
// (listen(boundSocket)); its errors once adopted or closed.
'use strict';
const net = require('net');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { trace, mark, alias } = require(process.env.NODENET_UV_TRACE_JS);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bound-'));
alias(dir, '<dir>');
function attempt(label, fn) {
  try {
    mark(label, 'ok', fn());
  } catch (err) {
    mark(label, 'throws', [err.code, err.message]);
  }
}

attempt('bad-host', () => new net.BoundSocket({ host: 'localhost' }));
attempt('bad-v6only', () => new net.BoundSocket({ ipv6Only: 1 }));
attempt('pipe-mutex', () => new net.BoundSocket({ path: path.join(dir, 'x'), port: 1 }));
const closed = new net.BoundSocket({ host: '127.0.0.1' });
closed.close();
attempt('closed', () => closed.address());

const bound = new net.BoundSocket({ host: '127.0.0.1' });
const bport = bound.address().port;
alias(bport, '<bport>');
mark('bound', 'address', bound.address());

const server = trace(net.createServer((c) => {
  mark('server', 'peer-is-bound', c.remotePort === bport);
  c.end('hi');
}), 'server');
server.listen(new net.BoundSocket({ host: '127.0.0.1' }), () => {
  const port = server.address().port;
  alias(port, '<port>');
  const client = trace(new net.Socket({ handle: bound }), 'client');
  attempt('adopted', () => bound.address());
  mark('client', 'before', [client.localPort, client.connecting, client.readyState]);
  client.connect(port, '127.0.0.1');
  client.resume();
  mark('client', 'in-tick', [client.connecting, client.localAddress, client.localPort]);
  client.on('close', () => {
    const pserver = trace(net.createServer((c) => c.end('p')), 'pserver');
    pserver.listen(new net.BoundSocket({ path: path.join(dir, 's.sock') }), () => {
      mark('pserver', 'address', pserver.address());
      const pclient = trace(new net.Socket({
        handle: new net.BoundSocket({ path: path.join(dir, 'c.sock') }),
      }), 'pclient');
      mark('pclient', 'before', [pclient.localAddress, pclient.readyState]);
      pclient.connect({ path: pserver.address() });
      pclient.resume();
      pclient.on('close', () => {
        mark('pclient', 'after', pclient.localAddress);
        pserver.close();
        server.close();
      });
    });
  });
});
