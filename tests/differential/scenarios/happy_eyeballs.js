// Rule 2 (§15), §4.6: autoSelectFamily with a custom lookup returning ::1 (nothing
// listens there: refused) and 127.0.0.1: 'lookup' per address, then per attempt
// 'connectionAttempt' / 'connectionAttemptFailed', then 'connect' on the second;
// autoSelectFamilyAttemptedAddresses lists both. Then the all-fail case: the 'error' is
// an AggregateError carrying each attempt's error.
'use strict';
const net = require('net');
const { trace, mark, alias } = require(process.env.NODENET_UV_TRACE_JS);

function lookup(host, opts, cb) {
  mark('lookup', 'options', opts);
  process.nextTick(cb, null, [{ address: '::1', family: 6 }, { address: '127.0.0.1', family: 4 }]);
}

const server = net.createServer((sock) => sock.end());
const probe = net.createServer();

server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  alias(port, '<port>');
  const client = trace(net.connect({ host: 'dual.test', port, lookup, autoSelectFamily: true }),
                       'client');
  client.on('connect', () => {
    mark('client', 'attempted', client.autoSelectFamilyAttemptedAddresses);
    mark('client', 'remote', [client.remoteAddress, client.remoteFamily]);
  });
  client.resume();
  client.on('close', () => {
    server.close();
    probe.listen(0, '127.0.0.1', () => {
      const dead = probe.address().port;
      alias(dead, '<dead-port>');
      probe.close(() => allFail(dead));
    });
  });
});

function allFail(port) {
  const c = trace(net.connect({ host: 'dual.test', port, lookup, autoSelectFamily: true }),
                  'all-fail');
  c.on('error', (err) => {
    mark('all-fail', 'error:name', [err.name, err.code, err.errors.length]);
    mark('all-fail', 'attempted', c.autoSelectFamilyAttemptedAddresses);
  });
}
