// WRONG, misses the main idea: one read is taken as the whole answer, length and bytes, and parsed from that chunk alone.
package tcpcourse.lesson05.exercises;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.Arrays;
import tcpcourse.lesson05.FrameTooLargeException;

/** Exercise 5.2: the answer read into a buffer big enough for any frame. */
public final class FrameClient implements AutoCloseable {

    private final Socket connection;
    private final int maximum;
    private final byte[] buffer;

    private FrameClient(Socket connection, int maximum) {
        this.connection = connection;
        this.maximum = maximum;
        this.buffer = new byte[4 + maximum];
    }

    public static FrameClient connect(InetSocketAddress server, int maximum) throws IOException {
        return new FrameClient(new Socket(server.getAddress(), server.getPort()), maximum);
    }

    public byte[] request(byte[] request) throws IOException {
        OutputStream toServer = connection.getOutputStream();
        toServer.write(ByteBuffer.allocate(4 + request.length).putInt(request.length).put(request).array());
        toServer.flush();

        InputStream fromServer = connection.getInputStream();
        int count = fromServer.read(buffer);
        if (count == -1) {
            throw new EOFException("the server closed the connection without answering");
        }
        int length = ByteBuffer.wrap(buffer, 0, count).getInt();
        if (length < 0 || length > maximum) {
            throw new FrameTooLargeException(Integer.toUnsignedLong(length), maximum);
        }
        if (count - 4 < length) {
            throw new EOFException("the answer is " + length + " bytes but only " + (count - 4) + " came");
        }
        return Arrays.copyOfRange(buffer, 4, 4 + length);
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
