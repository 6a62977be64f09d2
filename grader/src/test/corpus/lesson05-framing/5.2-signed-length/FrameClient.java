// WRONG: the length is read as a signed int and only checked against the maximum, so FF FF FF FF passes as -1 and the allocation fails.
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
    private final DataInputStream fromServer;
    private final DataOutputStream toServer;
    private final int maxAnswer;

    private FrameClient(Socket socket, int maxAnswer) throws IOException {
        this.socket = socket;
        this.fromServer = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.toServer = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
        this.maxAnswer = maxAnswer;
    }

    public static FrameClient connect(InetSocketAddress server, int maximum) throws IOException {
        return new FrameClient(new Socket(server.getAddress(), server.getPort()), maximum);
    }

    public byte[] request(byte[] request) throws IOException {
        toServer.writeInt(request.length);
        toServer.write(request);
        toServer.flush();
        int size = fromServer.readInt(); // EOFException if the server is gone
        if (size > maxAnswer) {
            throw new FrameTooLargeException(size, maxAnswer);
        }
        byte[] answer = new byte[size];
        fromServer.readFully(answer); // EOFException if it stops in the middle
        return answer;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
