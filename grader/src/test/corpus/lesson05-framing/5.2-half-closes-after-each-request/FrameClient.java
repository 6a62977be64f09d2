// WRONG: the output is shut down after each request to tell the server it is complete, so the connection cannot carry a second request.
package tcpcourse.lesson05.exercises;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import tcpcourse.lesson05.LengthPrefix;

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
        LengthPrefix.writeFrame(out, request);
        out.flush();
        // The request is complete: say so, so that the server does not wait for more.
        socket.shutdownOutput();
        byte[] answer = LengthPrefix.readFrame(in, maximum);
        if (answer == null) {
            throw new EOFException("the server ended the connection instead of answering");
        }
        return answer;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
