const net = require('net'), stream = require('stream'), events = require('events'), timers = require('timers');
function names(obj, stopAt) {
  const out = {};
  let o = obj;
  while (o && o !== Object.prototype && o !== Function.prototype && o !== stopAt) {
    for (const n of Object.getOwnPropertyNames(o)) {
      if (n in out || n === 'constructor') continue;
      const d = Object.getOwnPropertyDescriptor(o, n);
      let kind;
      if (d.get || d.set) kind = d.set ? 'settable' : 'readonly';
      else if (typeof d.value === 'function') kind = 'function';
      else kind = d.writable ? 'settable' : 'readonly';
      out[n] = kind;
    }
    o = Object.getPrototypeOf(o);
  }
  return out;
}
const srv = new net.Server();
const res = {
  Socket: names(new net.Socket()),
  Server: names(srv),
  Readable: names(new stream.Readable()),
  Writable: names(new stream.Writable()),
  Duplex: names(new stream.Duplex()),
  EventEmitter: names(new events.EventEmitter()),
  net: names(net), events: names(events), stream: names(stream), timers: names(timers),
};
console.log(JSON.stringify(res));
