// WRONG: it echoes line by line with readLine and println, which waits for a line end, sends back \n where the client sent \r\n, and decodes with the platform's charset.
package tcpcourse.lesson02.exercises;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

/** Exercise 2.3: an echo server, a thread per client. */
public final class EchoServer {

    private final ServerSocket listener;

    /** @param listener a bound server socket; the caller closes it to stop the server */
    public EchoServer(ServerSocket listener) {
        this.listener = listener;
    }

    /** Accepts and serves clients until the listener is closed. */
    public void serve() throws IOException {
        while (true) {
            Socket client;
            try {
                client = listener.accept();
            } catch (SocketException e) {
                if (listener.isClosed()) {
                    return;
                }
                throw e;
            }
            new Thread(() -> talkTo(client)).start();
        }
    }

    private static void talkTo(Socket client) {
        try (client;
                var in = new BufferedReader(new InputStreamReader(client.getInputStream()));
                var out = new PrintWriter(client.getOutputStream(), true)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(line);
            }
        } catch (IOException e) {
            System.err.println("client " + client.getRemoteSocketAddress() + " failed: " + e.getMessage());
        }
    }
}
