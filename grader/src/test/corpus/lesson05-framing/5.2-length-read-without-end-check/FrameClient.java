// WRONG: the length is put together from four read() calls without looking for -1, so an end before or inside the length is taken for a length of -1 and reported as a frame too large.
package tcpcourse.lesson05.exercises;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import tcpcourse.lesson05.FrameTooLargeException;

/** Exercise 5.2: the length byte by byte, big-endian. */
public final class FrameClient implements AutoCloseable {

    private final Socket connection;
    private final InputStream fromServer;
    private final DataOutputStream toServer;
    private final int maximum;

    private FrameClient(Socket connection, int maximum) throws IOException {
        this.connection = connection;
        this.fromServer = new BufferedInputStream(connection.getInputStream());
        this.toServer = new DataOutputStream(new BufferedOutputStream(connection.getOutputStream()));
        this.maximum = maximum;
    }

    public static FrameClient connect(InetSocketAddress server, int maximum) throws IOException {
        return new FrameClient(new Socket(server.getAddress(), server.getPort()), maximum);
    }

    public byte[] request(byte[] request) throws IOException {
        toServer.writeInt(request.length);
        toServer.write(request);
        toServer.flush();
        int length = (fromServer.read() << 24) | (fromServer.read() << 16) | (fromServer.read() << 8) | fromServer.read();
        if (length < 0 || length > maximum) {
            throw new FrameTooLargeException(Integer.toUnsignedLong(length), maximum);
        }
        byte[] answer = new byte[length];
        new DataInputStream(fromServer).readFully(answer);
        return answer;
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
