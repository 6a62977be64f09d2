// A writer that respects flow control: it writes until write() returns false, then waits for
// 'drain' before it goes on. Usage: node flow-control.js port [host]
const net = require('net');
const port = Number(process.argv[2]);
const host = process.argv[3] ?? '127.0.0.1';
const chunk = Buffer.alloc(64 * 1024, 'x');

const connection = net.createConnection(port, host, () => {
  let handedOver = 0;
  // tag::drain[]
  // write() never blocks: Node keeps what the system cannot take yet in its own memory, and
  // returns false once that is more than the stream's highWaterMark.
  while (connection.write(chunk)) {
    handedOver += chunk.length;
  }
  handedOver += chunk.length;
  console.log(`write() returned false after ${handedOver} bytes; Node still holds ${connection.writableLength}`);
  connection.once('drain', () => {
    // The peer has read enough for the system to take everything Node held: write more, or end.
    console.log('drain: the system has taken every byte');
    connection.end();
  });
  // end::drain[]
});
connection.on('error', (err) => {
  console.error(`cannot write to ${host}:${port}: ${err.code}`);
  process.exitCode = 2;
});
