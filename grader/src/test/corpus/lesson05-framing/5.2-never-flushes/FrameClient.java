// WRONG, misses the main idea: the request frame is written into a buffered stream that is never flushed, so it never leaves and no answer comes.
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
    private final DataInputStream fromServer;
    private final DataOutputStream toServer;
    private final int maximum;

    private FrameClient(Socket socket, int maximum) throws IOException {
        this.socket = socket;
        this.fromServer = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.toServer = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
        this.maximum = maximum;
    }

    public static FrameClient connect(InetSocketAddress server, int maximum) throws IOException {
        return new FrameClient(new Socket(server.getAddress(), server.getPort()), maximum);
    }

    public byte[] request(byte[] request) throws IOException {
        LengthPrefix.writeFrame(toServer, request);
        byte[] answer = LengthPrefix.readFrame(fromServer, maximum);
        if (answer == null) {
            throw new EOFException("no answer: the server ended the connection");
        }
        return answer;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
