// A Node.js client that frames by hand: a 4-byte big-endian length, then the bytes. It sends
// every frame at once, collects the answers with an incremental decoder, and checks each.
// Usage: node framing-client.js port host
const net = require('net');
const [port, host] = process.argv.slice(2);

const frames = [Buffer.from('hello, frames'), Buffer.alloc(0), Buffer.from('ünïcödé €'),
  Buffer.from([0, 1, 2, 255, 254, 253]), Buffer.alloc(300000, 7)];

// tag::client[]
const client = net.createConnection(Number(port), host, () => {
  for (const frame of frames) {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(frame.length); // big-endian, as DataOutputStream.writeInt
    client.write(Buffer.concat([length, frame]));
  }
});
let pending = Buffer.alloc(0); // what has arrived of frames not yet complete
const answers = [];
client.on('data', (chunk) => {
  pending = Buffer.concat([pending, chunk]);
  while (pending.length >= 4 && pending.length >= 4 + pending.readUInt32BE(0)) {
    const length = pending.readUInt32BE(0);
    answers.push(pending.subarray(4, 4 + length));
    pending = pending.subarray(4 + length);
  }
  if (answers.length === frames.length) client.end();
});
// end::client[]
client.on('end', () => {
  const same = frames.every((frame, i) => answers[i] && frame.equals(answers[i]));
  console.log(same ? `all ${frames.length} frames back unchanged` : `frames differ: got ${answers.length}`);
  process.exitCode = same ? 0 : 3;
});
client.on('error', (err) => {
  console.error(`error ${err.code}`);
  process.exitCode = 2;
});
