// A server that answers once the client has ended its side, written the tutorial's way, with
// Node's allowHalfOpen option given on the command line.
// Usage: node half-open-server.js port allowHalfOpen   (true or false; port 0: any free port)
const net = require('net');
const port = Number(process.argv[2] ?? 8124);
const allowHalfOpen = process.argv[3] === 'true';

// tag::server[]
const server = net.createServer({ allowHalfOpen }, (c) => {
  let received = 0;
  c.write('hello\r\n');
  c.on('data', (data) => {
    received += data.length;
  });
  c.on('end', () => {
    console.log(`client ended after ${received} bytes`);
    // The answer takes a moment (here, one turn of the event loop). With allowHalfOpen false,
    // the default, Node ends our side as soon as the client's end has been handled, so the
    // answer comes too late; with true, our side stays open until we call end().
    setImmediate(() => {
      c.write(`received ${received} bytes, goodbye\r\n`, (err) => {
        console.log(err ? `answer not sent: ${err.code}` : 'answer sent');
      });
      c.end();
    });
  });
  c.on('error', (err) => console.log(`connection error: ${err.code}`));
});
// end::server[]
server.listen(port, '127.0.0.1', () => {
  console.log(`server bound to 127.0.0.1:${server.address().port}`);
});
