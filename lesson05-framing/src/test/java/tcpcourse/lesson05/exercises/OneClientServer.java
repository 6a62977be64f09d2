package tcpcourse.lesson05.exercises;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import tcpcourse.testkit.Loopback;

/**
 * A server for one client that follows a script, so that a test decides exactly what the client
 * gets and when: an answer in parts, a length over the maximum, an end in the middle.
 *
 * <p>The script runs on a thread of its own once the client has connected. If it fails (an
 * assertion about what the client sent, or a wait that ran out), {@link #done()} completes with
 * that failure first, and only then is the connection closed: a client blocked on a read sees the
 * end, and the test reports the server's reason instead of the client's end of stream.
 */
final class OneClientServer implements AutoCloseable {

    /**
     * How long the server waits for each part of a request, and for the client to connect. A
     * request is a few bytes on loopback: it arrives in microseconds once it has been flushed.
     */
    static final Duration REQUEST_WAIT = Duration.ofSeconds(2);

    /** What the server does with the connection. */
    @FunctionalInterface
    interface Script {
        /** Runs on the server's thread; the streams are the connection's, unbuffered. */
        void run(Socket connection, DataInputStream fromClient, DataOutputStream toClient) throws Exception;
    }

    private final ServerSocket listener;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile Socket connection;

    private OneClientServer(ServerSocket listener) {
        this.listener = listener;
    }

    /** Listens on loopback and runs {@code script} with the first client that connects. */
    static OneClientServer start(Script script) throws IOException {
        var server = new OneClientServer(Loopback.listen());
        server.listener.setSoTimeout((int) REQUEST_WAIT.toMillis());
        Bounded.start("scripted server", () -> {
            server.serve(script);
            return null;
        });
        return server;
    }

    private void serve(Script script) {
        try {
            Socket accepted = listener.accept();
            connection = accepted;
            accepted.setSoTimeout((int) REQUEST_WAIT.toMillis());
            script.run(accepted, new DataInputStream(accepted.getInputStream()),
                    new DataOutputStream(accepted.getOutputStream()));
            done.complete(null);
        } catch (SocketTimeoutException noClient) {
            done.completeExceptionally(new AssertionError("no client connected to the server within "
                    + REQUEST_WAIT.toSeconds() + " s"));
        } catch (Throwable failure) {
            done.completeExceptionally(failure);
        } finally {
            closeQuietly();
        }
    }

    /** Where the server listens. */
    InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    /** Completes when the script has run, with its failure if it failed. */
    CompletableFuture<Void> done() {
        return done;
    }

    /**
     * Reads one request frame, at most {@link #REQUEST_WAIT} for each part of it; fails with what
     * the client did wrong if no whole frame comes.
     */
    static byte[] readRequest(DataInputStream fromClient) throws IOException {
        int length;
        try {
            length = fromClient.readInt();
        } catch (SocketTimeoutException nothing) {
            throw new AssertionError("the server got no whole request within " + REQUEST_WAIT.toSeconds()
                    + " s: a frame leaves a buffered stream only when you flush it");
        } catch (EOFException ended) {
            throw new AssertionError("the client ended the connection instead of sending a whole request frame");
        }
        if (length < 0 || length > (1 << 20)) {
            throw new AssertionError("a request began with " + Integer.toUnsignedString(length)
                    + ", which is not the length of the request: a frame starts with its length in 4 bytes, big-endian");
        }
        byte[] request = new byte[length];
        try {
            fromClient.readFully(request);
        } catch (SocketTimeoutException partOnly) {
            throw new AssertionError("the server got a request's length, " + length + ", but not all its bytes within "
                    + REQUEST_WAIT.toSeconds() + " s: flush once the whole frame is written");
        } catch (EOFException ended) {
            throw new AssertionError("the client ended the connection in the middle of a request frame");
        }
        return request;
    }

    /** Waits for the client to end the connection; fails if it does not within {@link #REQUEST_WAIT}. */
    static void awaitEnd(DataInputStream fromClient, String why) throws IOException {
        try {
            while (fromClient.read() != -1) {
                // the client may still send; only its end matters here
            }
        } catch (SocketTimeoutException stillOpen) {
            throw new AssertionError(why);
        } catch (IOException reset) {
            // a client that closes with unread bytes resets the connection: it has ended too
        }
    }

    private void closeQuietly() {
        try {
            if (connection != null) {
                connection.close();
            }
            listener.close();
        } catch (IOException alreadyBroken) {
            // nothing more to free
        }
    }

    /** Closes the connection and the listener: a client still blocked on a read sees the end. */
    @Override
    public void close() {
        closeQuietly();
    }
}
