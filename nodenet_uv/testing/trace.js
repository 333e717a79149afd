// nodenet_uv trace recorder for node: the twin of nodenet_uv/testing/trace.py.
// Records every event an emitter emits, with normalized arguments, and prints the trace
// as JSON lines when the process exits. Usage in a scenario:
//   const { trace, mark } = require(process.env.NODENET_UV_TRACE_JS);
//   const sock = trace(net.connect(port), 'client');
'use strict';
const entries = [];
const SKIP = new Set(['newListener', 'removeListener']);

function norm(v, depth = 0) {
  if (v === undefined || v === null) return null;
  if (Buffer.isBuffer(v)) return { buffer: v.length };
  if (v instanceof Error) {
    const o = { error: v.code || v.name, message: v.message };
    if (v.errors) o.errors = v.errors.map((e) => norm(e, depth + 1));
    return o;
  }
  if (typeof v === 'function') return '<function>';
  if (typeof v === 'symbol') return String(v);
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return depth > 3 ? '<array>' : v.map((x) => norm(x, depth + 1));
  if (typeof v === 'object') {
    const name = v.constructor && v.constructor.name;
    if (name && name !== 'Object') return `<${name}>`;
    if (depth > 3) return '<object>';
    const o = {};
    for (const k of Object.keys(v).sort()) o[k] = norm(v[k], depth + 1);
    return o;
  }
  return v;
}

function trace(emitter, label, events) {
  const only = events ? new Set(events) : null;
  const orig = emitter.emit;
  emitter.emit = function(ev, ...args) {
    if (typeof ev === 'string' && !SKIP.has(ev) && (!only || only.has(ev))) {
      entries.push([label, ev, args.map((a) => norm(a))]);
    }
    return orig.call(this, ev, ...args);
  };
  return emitter;
}

const aliases = [];
// Replace a run-dependent value (a port number, a temp path) by a name in the output.
function alias(value, name) { aliases.push([value, name]); }

function applyAliases(v) {
  if (typeof v === 'number') {
    for (const [value, name] of aliases) if (v === value) return name;
    return v;
  }
  if (typeof v === 'string') {
    for (const [value, name] of aliases) v = v.split(String(value)).join(name);
    return v;
  }
  if (Array.isArray(v)) return v.map(applyAliases);
  if (v && typeof v === 'object') {
    const o = {};
    for (const k of Object.keys(v)) o[k] = applyAliases(v[k]);
    return o;
  }
  return v;
}

// An omitted value records `[]`; an explicit `undefined` records `[null]`, like Python's
// `mark(label, what, None)` (None plays undefined).
function mark(label, what, value) {
  entries.push([label, what, arguments.length < 3 ? [] : [norm(value)]]);
}

process.on('exit', () => {
  for (const e of entries) process.stdout.write(JSON.stringify(applyAliases(e)) + '\n');
});

module.exports = { trace, mark, norm, alias };
