// WRONG: close() only shuts the output down (Node's end()), so the socket itself stays open and still takes what the server sends.
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

    private final Socket connection;
    private final DataInputStream fromServer;
    private final DataOutputStream toServer;
    private final int maximum;

    private FrameClient(Socket connection, int maximum) throws IOException {
        this.connection = connection;
        this.fromServer = new DataInputStream(new BufferedInputStream(connection.getInputStream()));
        this.toServer = new DataOutputStream(new BufferedOutputStream(connection.getOutputStream()));
        this.maximum = maximum;
    }

    public static FrameClient connect(InetSocketAddress server, int maximum) throws IOException {
        return new FrameClient(new Socket(server.getAddress(), server.getPort()), maximum);
    }

    public byte[] request(byte[] request) throws IOException {
        LengthPrefix.writeFrame(toServer, request);
        toServer.flush();
        byte[] answer = LengthPrefix.readFrame(fromServer, maximum);
        if (answer == null) {
            throw new EOFException("the server ended the connection instead of answering");
        }
        return answer;
    }

    /** Ends the connection the polite way: the server sees the end of the stream. */
    @Override
    public void close() throws IOException {
        toServer.flush();
        connection.shutdownOutput();
    }
}
