// WRONG: when the server ends the connection instead of answering, request returns null (readFrame's clean end) instead of throwing an EOFException.
package tcpcourse.lesson05.exercises;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import tcpcourse.lesson05.LengthPrefix;

/** Exercise 5.2: LengthPrefix both ways. */
public final class FrameClient implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream input;
    private final DataOutputStream output;
    private final int maximum;

    private FrameClient(Socket socket, int maximum) throws IOException {
        this.socket = socket;
        this.input = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.output = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
        this.maximum = maximum;
    }

    public static FrameClient connect(InetSocketAddress server, int maximum) throws IOException {
        return new FrameClient(new Socket(server.getAddress(), server.getPort()), maximum);
    }

    public byte[] request(byte[] request) throws IOException {
        LengthPrefix.writeFrame(output, request);
        output.flush();
        return LengthPrefix.readFrame(input, maximum);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
