// WRONG, misses the main idea: the answer's bytes are taken with one read, so an answer that arrives in parts comes back cut (the rest zeros).
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

    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;
    private final int maximum;

    private FrameClient(Socket socket, int maximum) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
        this.maximum = maximum;
    }

    public static FrameClient connect(InetSocketAddress server, int maximum) throws IOException {
        return new FrameClient(new Socket(server.getAddress(), server.getPort()), maximum);
    }

    public byte[] request(byte[] request) throws IOException {
        out.writeInt(request.length);
        out.write(request);
        out.flush();
        int length = in.readInt();
        if (length < 0 || length > maximum) {
            throw new FrameTooLargeException(Integer.toUnsignedLong(length), maximum);
        }
        byte[] answer = new byte[length];
        if (length > 0 && in.read(answer) == -1) {
            throw new EOFException("the server ended the connection in the middle of the answer");
        }
        return answer;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
