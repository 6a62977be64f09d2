// WRONG: an answer of exactly the maximum is refused (>= where > belongs).
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
    private final DataInputStream in;
    private final DataOutputStream out;
    private final int maximum;

    private FrameClient(Socket connection, int maximum) throws IOException {
        this.connection = connection;
        this.in = new DataInputStream(new BufferedInputStream(connection.getInputStream()));
        this.out = new DataOutputStream(new BufferedOutputStream(connection.getOutputStream()));
        this.maximum = maximum;
    }

    public static FrameClient connect(InetSocketAddress server, int maximum) throws IOException {
        return new FrameClient(new Socket(server.getAddress(), server.getPort()), maximum);
    }

    public byte[] request(byte[] request) throws IOException {
        out.writeInt(request.length);
        out.write(request);
        out.flush();
        int first = in.read();
        if (first == -1) {
            throw new EOFException("the server ended the connection without an answer");
        }
        byte[] rest = new byte[3];
        in.readFully(rest);
        long length = ((long) first << 24) | ((rest[0] & 0xFF) << 16) | ((rest[1] & 0xFF) << 8) | (rest[2] & 0xFF);
        if (length >= maximum) {
            throw new FrameTooLargeException(length, maximum);
        }
        byte[] answer = new byte[(int) length];
        in.readFully(answer);
        return answer;
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
