'use strict';
// The node 24 side of tests/reliability/test_fuzz_args.py: reads one JSON case a line
// ({"call": name, "args": [value descriptors]}) from stdin, runs the same call the Python
// side ran on the JS values the descriptors stand for, in try/catch, and answers one JSON
// line: {"ok": summary} or {"err": {"name", "code", "message"}}. Asynchronous errors
// (a refused connect, a spawn ENOENT) are swallowed: the comparison is about what the
// call itself throws.

const net = require('net');
const cp = require('child_process');
const cluster = require('cluster');
const path = require('path');
const readline = require('readline');

process.on('uncaughtException', () => {});
process.on('unhandledRejection', () => {});
const noop = () => {};

function build(d) {
  switch (d.t) {
    case 'undef': return undefined;
    case 'bool': return d.v;
    case 'int': return Number(d.v);
    case 'float':
      if (d.v === 'nan') return NaN;
      if (d.v === 'inf') return Infinity;
      if (d.v === '-inf') return -Infinity;
      return Number(d.v);
    case 'str': return d.v;
    case 'bytes': return Buffer.from(d.v, 'hex');
    case 'bytearray': return new Uint8Array(Buffer.from(d.v, 'hex'));
    case 'memoryview': {
      const b = Buffer.from(d.v, 'hex');
      return new DataView(new Uint8Array(b).buffer);
    }
    case 'list': case 'tuple': return d.v.map(build);
    case 'set': return new Set(d.v.map(build));
    case 'dict': {
      const o = {};
      for (const [k, v] of d.v) o[k] = build(v);
      return o;
    }
    case 'fn':
      if (d.name === '') return [function() {}][0];
      return { [d.name]: function() {} }[d.name];
    case 'obj': {
      const C = { [d.cls]: class {} }[d.cls];
      return new C();
    }
    case 'placeholder':
      return PLACEHOLDERS[d.v];
  }
  throw new Error(`no JS value for ${JSON.stringify(d)}`);
}

const PLACEHOLDERS = {
  EMPTY_MODULE: path.join(__dirname, 'fuzz_empty.js'),
};

function summary(v) {
  if (v === undefined) return null;
  if (v === null || typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string')
    return v;
  if (v instanceof net.SocketAddress)
    return { address: v.address, port: v.port, family: v.family, flowlabel: v.flowlabel };
  if (Array.isArray(v)) return v.map(summary);
  if (Object.getPrototypeOf(v) === Object.prototype) {
    const o = {};
    for (const [k, x] of Object.entries(v)) o[k] = summary(x);
    return o;
  }
  return `[${typeof v}]`;
}

const ctx = {};

function freshSocket() {
  const s = new net.Socket();
  s.on('error', noop);
  ctx.cleanup.push(() => s.destroy());
  return s;
}

const CALLS = {
  'Socket': (...a) => {
    const s = new net.Socket(...a);
    s.on('error', noop);
    ctx.cleanup.push(() => s.destroy());
  },
  'socket.connect': (...a) => { freshSocket().connect(...a); },
  'net.connect': (...a) => {
    const s = net.connect(...a);
    s.on('error', noop);
    ctx.cleanup.push(() => s.destroy());
  },
  'server.listen': (...a) => {
    const srv = net.createServer();
    srv.on('error', noop);
    ctx.cleanup.push(() => srv.close());
    srv.listen(...a);
  },
  'net.createServer': (...a) => {
    const srv = net.createServer(...a);
    srv.on('error', noop);
    ctx.cleanup.push(() => srv.close());
  },
  'socket.write': (...a) => summary(freshSocket().write(...a)),
  'socket.end': (...a) => { freshSocket().end(...a); },
  'socket.setTimeout': (...a) => { freshSocket().setTimeout(...a); },
  'socket.setKeepAlive': (...a) => { freshSocket().setKeepAlive(...a); },
  'socket.setNoDelay': (...a) => { freshSocket().setNoDelay(...a); },
  'BlockList': (method, ...a) => {
    const b = new net.BlockList();
    const r = b[method](...a);
    return { r: summary(r), rules: b.rules };
  },
  'BlockList.isBlockList': (...a) => net.BlockList.isBlockList(...a),
  'SocketAddress': (...a) => summary(new net.SocketAddress(...a)),
  'SocketAddress.parse': (...a) => summary(net.SocketAddress.parse(...a)),
  'SocketAddress.isSocketAddress': (...a) => net.SocketAddress.isSocketAddress(...a),
  'isIP': (...a) => net.isIP(...a),
  'isIPv4': (...a) => net.isIPv4(...a),
  'isIPv6': (...a) => net.isIPv6(...a),
  'spawn': (...a) => {
    const c = cp.spawn(...a);
    c.on('error', noop);
  },
  'execFile': (...a) => {
    const c = cp.execFile(...a);
    c.on('error', noop);
  },
  'fork': (...a) => {
    const c = cp.fork(...a);
    c.on('error', noop);
  },
  'cluster.setupPrimary': (...a) => {
    const saved = cluster.settings;
    ctx.cleanup.push(() => { cluster.settings = saved; });
    cluster.setupPrimary(...a);
  },
};

// The cases come on fd 3 and the answers go to fd 4: stdin/stdout are /dev/null, so a
// child that inherits them (fork's default stdio) cannot steal a case or add to an answer.
const fs = require('fs');
const rl = readline.createInterface({ input: fs.createReadStream(null, { fd: 3 }) });
rl.on('line', (line) => {
  const { call, args } = JSON.parse(line);
  ctx.cleanup = [];
  let out;
  try {
    const built = args.map(build);
    out = { ok: summary(CALLS[call](...built)) };
  } catch (e) {
    out = { err: { name: e?.name, code: e?.code ?? null, message: String(e?.message) } };
  }
  for (const f of ctx.cleanup) {
    try { f(); } catch { /* cleanup of a call that failed half-way */ }
  }
  fs.writeSync(4, JSON.stringify(out) + '\n');
});
rl.on('close', () => process.exit(0));
