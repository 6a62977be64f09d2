// The lesson's wire format served by Node's net module, framed by hand: a 4-byte big-endian
// length, then that many bytes, each frame sent back unchanged. A peer of the benchmark, in a
// process of its own: `node echo-server.js MAXIMUM` listens on 127.0.0.1, on a port the system
// chooses, and prints it.
const net = require('net');
const maximum = Number(process.argv[2]);

const server = net.createServer((socket) => {
  socket.setNoDelay(true); // the answers to one chunk leave together (cork, below), at once
  const length = Buffer.alloc(4);
  let lengthFilled = 0;
  let frame = null; // a frame that arrives in several chunks, gathered here
  let frameFilled = 0;

  socket.on('data', (chunk) => {
    socket.cork(); // every answer to this chunk in one write, at uncork
    let position = 0;
    while (position < chunk.length) {
      if (frame === null) {
        // The length, which may itself be cut between two chunks.
        const start = position;
        const take = Math.min(4 - lengthFilled, chunk.length - position);
        chunk.copy(length, lengthFilled, position, position + take);
        lengthFilled += take;
        position += take;
        if (lengthFilled < 4) break;
        lengthFilled = 0;
        const size = length.readUInt32BE(0);
        if (size > maximum) {
          console.log(`closing a connection: a frame of ${size} bytes`);
          socket.destroy();
          return;
        }
        if (take === 4 && chunk.length - position >= size) {
          // The whole frame is in this chunk: send that part of the chunk back, uncopied.
          socket.write(chunk.subarray(start, position + size));
          position += size;
          continue;
        }
        frame = Buffer.allocUnsafe(4 + size);
        length.copy(frame, 0);
        frameFilled = 4;
      }
      const take = Math.min(frame.length - frameFilled, chunk.length - position);
      chunk.copy(frame, frameFilled, position, position + take);
      frameFilled += take;
      position += take;
      if (frameFilled === frame.length) {
        socket.write(frame);
        frame = null;
      }
    }
    socket.uncork();
    // A client that does not read its answers: stop reading its frames until they have gone.
    if (socket.writableNeedDrain) {
      socket.pause();
      socket.once('drain', () => socket.resume());
    }
  });
  socket.on('error', (error) => console.log(`closing a connection: ${error.code}`));
});

server.listen(0, '127.0.0.1', () => {
  console.log(`listening on 127.0.0.1:${server.address().port}`);
});
