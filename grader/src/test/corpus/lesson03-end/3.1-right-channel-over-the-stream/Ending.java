// RIGHT, another way: writes through a WritableByteChannel over the socket's stream, in a loop until the buffer is empty, then half-closes; the channel is never closed, since that would close the socket.
package tcpcourse.lesson03.exercises;

import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;

/** Exercise 3.1: end(data). */
public final class Ending {

    private Ending() {}

    /** Writes finalData, then sends our FIN; the input side stays open. */
    public static void end(Socket connection, byte[] finalData) throws IOException {
        WritableByteChannel toPeer = Channels.newChannel(connection.getOutputStream());
        ByteBuffer remaining = ByteBuffer.wrap(finalData);
        while (remaining.hasRemaining()) {
            toPeer.write(remaining);
        }
        // Not toPeer.close(): closing the channel closes the stream, and that closes the socket.
        connection.shutdownOutput();
    }
}
