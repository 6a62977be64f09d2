// RIGHT, another way: a named daemon thread per connection and a per-connection object, and the end of serve told by isClosed after any IOException.
package tcpcourse.lesson02.exercises;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;

/** Exercise 2.3: each connection is a small object with a thread of its own. */
public final class EchoServer {

    private final ServerSocket listener;
    private int accepted;

    /** @param listener a bound server socket; the caller closes it to stop the server */
    public EchoServer(ServerSocket listener) {
        this.listener = listener;
    }

    /** Accepts and serves clients until the listener is closed. */
    public void serve() throws IOException {
        for (;;) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return; // the caller closed the listener: that is how the server stops
                }
                throw e;
            }
            accepted++;
            Thread thread = new Thread(new Connection(socket), "echo " + accepted);
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** One client's echo, until it ends its side. */
    private record Connection(Socket socket) implements Runnable {
        @Override
        public void run() {
            try (socket) {
                long echoed = socket.getInputStream().transferTo(socket.getOutputStream());
                System.out.println("echoed " + echoed + " bytes to " + socket.getRemoteSocketAddress());
            } catch (IOException e) {
                System.err.println("lost " + socket.getRemoteSocketAddress() + ": " + e.getMessage());
            }
        }
    }
}
