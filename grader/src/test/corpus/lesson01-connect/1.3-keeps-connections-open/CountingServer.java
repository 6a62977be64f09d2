// WRONG: it keeps every client's connection open until the server stops, instead of ending each one after its greeting.
package tcpcourse.lesson01.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Exercise 1.3: a server that counts its clients. */
public final class CountingServer {

    private final ServerSocket listener;
    private final AtomicInteger number = new AtomicInteger();
    private final List<Socket> clients = new ArrayList<>();

    public CountingServer(ServerSocket listener) {
        this.listener = listener;
    }

    public void serve() throws IOException {
        try {
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
                clients.add(client);
                int n = number.incrementAndGet();
                try {
                    client.getOutputStream().write(("you are client number " + n + "\r\n").getBytes(UTF_8));
                    client.getOutputStream().flush();
                } catch (IOException e) {
                    System.err.println("client " + n + ": " + e.getMessage());
                }
            }
        } finally {
            // close all connections when the server stops
            for (Socket client : clients) {
                client.close();
            }
        }
    }

    public int clientsServed() {
        return number.get();
    }
}
