// Rule 4 (§15): a failed lookup: 'lookup'(err, undefined, undefined, host) -> nextTick
// 'error'(err) -> uv 'close'(true). Single-address path (family 4), the
// autoSelectFamily path (all: true), and a lookup returning an invalid address.
'use strict';
const net = require('net');
const { trace, mark } = require(process.env.NODENET_UV_TRACE_JS);

function notFound(host) {
  const err = new Error(`getaddrinfo ENOTFOUND ${host}`);
  err.code = 'ENOTFOUND';
  return err;
}

function failingLookup(host, opts, cb) {
  mark('lookup-calls', 'options', opts);
  setImmediate(() => cb(notFound(host)));
}

function watch(sock, label) {
  trace(sock, label);
  mark(label, 'readyState', sock.readyState);
  sock.on('lookup', () => mark(label, 'lookup:connecting', sock.connecting));
  sock.on('error', () => {
    mark(label, 'error:readyState', sock.readyState);
    mark(label, 'error:destroyed', sock.destroyed);
  });
}

watch(net.connect({ host: 'nowhere.invalid', port: 80, family: 4, lookup: failingLookup }),
      'single');
watch(net.connect({ host: 'nowhere.invalid', port: 80, lookup: failingLookup }), 'multi');
watch(net.connect({
  host: 'bogus.invalid', port: 80, family: 4,
  lookup: (host, opts, cb) => process.nextTick(cb, null, 'not-an-ip', 4),
}), 'invalid-ip');
watch(net.connect({
  host: 'bogus.invalid', port: 80,
  lookup: (host, opts, cb) => process.nextTick(cb, null, [{ address: '127.0.0.1', family: 5 }]),
}), 'invalid-family');
