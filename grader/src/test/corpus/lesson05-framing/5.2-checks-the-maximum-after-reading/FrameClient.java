// WRONG: the answer is read whole before its size is checked, so a server that announces too much is waited for (and allocated for).
package tcpcourse.lesson05.exercises;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import tcpcourse.lesson05.FrameTooLargeException;

/** Exercise 5.2. */
public final class FrameClient implements AutoCloseable {

    private final Socket connection;
    private final DataInputStream reader;
    private final DataOutputStream writer;
    private final int maximum;

    private FrameClient(Socket connection, int maximum) throws IOException {
        this.connection = connection;
        this.reader = new DataInputStream(new BufferedInputStream(connection.getInputStream()));
        this.writer = new DataOutputStream(new BufferedOutputStream(connection.getOutputStream()));
        this.maximum = maximum;
    }

    public static FrameClient connect(InetSocketAddress server, int maximum) throws IOException {
        return new FrameClient(new Socket(server.getAddress(), server.getPort()), maximum);
    }

    public byte[] request(byte[] request) throws IOException {
        writer.writeInt(request.length);
        writer.write(request);
        writer.flush();
        long length;
        try {
            length = Integer.toUnsignedLong(reader.readInt());
        } catch (EOFException ended) {
            throw new EOFException("the server ended the connection before answering");
        }
        byte[] answer = reader.readNBytes((int) Math.min(length, Integer.MAX_VALUE - 8));
        if (answer.length < length && answer.length <= maximum) {
            throw new EOFException("the answer was cut short");
        }
        if (answer.length > maximum) {
            throw new FrameTooLargeException(length, maximum);
        }
        return answer;
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
