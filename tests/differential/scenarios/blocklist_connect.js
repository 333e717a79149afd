// Node 24: a client's blockList refuses the destination: ERR_IP_BLOCKED from
// internalConnect (after 'connectionAttempt') or, with autoSelectFamily over several
// addresses, per attempt in internalConnectMultiple ('connectionAttemptFailed', then an
// AggregateError). No TCP connection is ever attempted (port 9 need not be open).
'use strict';
const net = require('net');
const { trace, mark } = require(process.env.NODENET_UV_TRACE_JS);

const blockList = new net.BlockList();
blockList.addAddress('127.0.0.1');
blockList.addAddress('127.0.0.2');

const a = trace(net.connect({ port: 9, host: '127.0.0.1', blockList }), 'literal');
a.on('error', (err) => mark('literal', 'error:props', [err.code, err.message, a.connecting]));

trace(net.connect({
  port: 9, host: 'localhost', blockList, autoSelectFamily: false,
  lookup: (host, opts, cb) => cb(null, '127.0.0.1', 4),
}), 'single').on('error', () => {});

trace(net.connect({
  port: 9, host: 'localhost', blockList, autoSelectFamily: true,
  lookup: (host, opts, cb) => cb(null, [{ address: '127.0.0.1', family: 4 }]),
}), 'auto-one').on('error', () => {});

const m = trace(net.connect({
  port: 9, host: 'localhost', blockList, autoSelectFamily: true,
  lookup: (host, opts, cb) => cb(null, [
    { address: '127.0.0.1', family: 4 }, { address: '127.0.0.2', family: 4 }]),
}), 'auto-many');
m.on('error', (err) => mark('auto-many', 'errors', err.errors.map((e) => e.code)));

try {
  net.connect({ port: 9, host: '127.0.0.1', blockList: ['127.0.0.1'] });
} catch (err) {
  mark('bad', 'throws', [err.code, err.message]);
}
