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

/** Exercise 5.2, a reference solution: one connection, a frame out, a frame back. */
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

    /**
     * Connects to {@code server}.
     *
     * @param maximum the largest answer accepted, in bytes: an answer of exactly {@code maximum}
     *     bytes is accepted
     */
    public static FrameClient connect(InetSocketAddress server, int maximum) throws IOException {
        var connection = new Socket(server.getAddress(), server.getPort());
        try {
            return new FrameClient(connection, maximum);
        } catch (IOException failure) {
            connection.close();
            throw failure;
        }
    }

    /**
     * Sends {@code request} as one frame and returns the frame that answers it.
     *
     * <p>Blocks until the whole answer has arrived. The answer's length is unsigned: a length with
     * its top bit set, such as {@code FF FF FF FF}, is over 2 GiB and so over any maximum.
     *
     * @throws tcpcourse.lesson05.FrameTooLargeException if the answer's length is over the maximum,
     *     before any of its bytes are read
     * @throws java.io.EOFException if the server ends the connection before the whole answer:
     *     before its first byte too, when there is no answer at all
     */
    public byte[] request(byte[] request) throws IOException {
        LengthPrefix.writeFrame(toServer, request);
        toServer.flush();
        byte[] answer = LengthPrefix.readFrame(fromServer, maximum);
        if (answer == null) {
            throw new EOFException("the server ended the connection instead of answering");
        }
        return answer;
    }

    /** Closes the connection, both ways: the socket itself, not only its output. */
    @Override
    public void close() throws IOException {
        connection.close();
    }
}
