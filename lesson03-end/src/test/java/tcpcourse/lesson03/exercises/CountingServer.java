package tcpcourse.lesson03.exercises;

import static org.assertj.core.api.Assertions.fail;
import static tcpcourse.lesson03.exercises.Wire.describe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tcpcourse.lesson03.exercises.Wire.Received;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.Loopback;

/**
 * A {@code ByteCountServer} serving a loopback listener of its own on a background thread, for one
 * test, and what its clients do.
 */
final class CountingServer implements AutoCloseable {

    /** Longer than any client of a test needs: each of its reads is bounded by {@link Wire#PROMPT}. */
    private static final Duration CLIENT_BOUND = Duration.ofSeconds(15);

    private final Background background = new Background();
    private final ServerSocket listener;
    private final InetSocketAddress address;
    private final CompletableFuture<Void> serving;

    CountingServer() throws IOException {
        listener = Loopback.listen();
        address = (InetSocketAddress) listener.getLocalSocketAddress();
        serving = background.run(new ByteCountServer(listener)::serve);
    }

    /** What {@code serve} does: still running, returned, or failed. */
    CompletableFuture<Void> serving() {
        return serving;
    }

    /** Stops the server the way its caller does: by closing the listener. */
    void closeListener() throws IOException {
        listener.close();
    }

    /** A new client of the server, with a read timeout. */
    Socket connect() throws IOException {
        return Loopback.connect(address);
    }

    /**
     * Runs {@code client} on a thread of its own while the server serves, and returns its result.
     * If {@code serve} throws first, that is the failure: it says more than the client's wait would.
     */
    <T> T whileServing(Callable<T> client) throws Exception {
        CompletableFuture<T> result = background.call(client);
        try {
            CompletableFuture.anyOf(result, serving).get(CLIENT_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException oneOfThemFailed) {
            // Which one is told below.
        } catch (TimeoutException tooSlow) {
            fail("a client of the test got no result within %s", Wire.seconds(CLIENT_BOUND));
        }
        if (!result.isDone() && serving.isCompletedExceptionally()) {
            Throwable failure = causeOf(serving);
            throw new AssertionError("serve threw " + describe(failure), failure);
        }
        try {
            return result.get(CLIENT_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw (Exception) failed.getCause();
        } catch (TimeoutException tooSlow) {
            throw new AssertionError("a client of the test got no result within " + Wire.seconds(CLIENT_BOUND));
        }
    }

    /** Sends {@code data}, ends the client's side, and returns the answer line. */
    static String countOf(Socket client, byte[] data, String who) {
        send(client, data, who);
        endTheRequest(client, who);
        return answerLine(client, who);
    }

    /** Writes {@code data}; fails with what that says about the server if the connection is gone. */
    static void send(Socket client, byte[] data, String who) {
        try {
            client.getOutputStream().write(data);
        } catch (IOException closedByTheServer) {
            fail("the server closed the connection while %s was still sending (%s): "
                    + "it must read until the client's end (-1) before it answers", who, describe(closedByTheServer));
        }
    }

    static void endTheRequest(Socket client, String who) {
        try {
            client.shutdownOutput();
        } catch (IOException closedByTheServer) {
            fail("the server closed the connection before %s could end its side (%s): "
                    + "it must read until the client's end (-1) before it answers", who, describe(closedByTheServer));
        }
    }

    /** The answer line, with its {@code \n}, once the client has ended; fails with what came instead. */
    static String answerLine(Socket client, String who) {
        Received line;
        try {
            line = Wire.readLine(client, Wire.PROMPT);
        } catch (IOException reset) {
            throw new AssertionError(String.format("%s could not read the answer (%s): the server reset the connection; "
                    + "it must read everything a client sends before it answers and closes", who, describe(reset)), reset);
        }
        byte[] bytes = line.bytes();
        if (bytes.length == 0 || bytes[bytes.length - 1] != '\n') {
            if (line.ended()) {
                fail("the server ended the connection of %s after %s, with no answer line: "
                        + "it must answer the count and \\n before it closes", who, describe(bytes));
            }
            fail("the server sent %s %s and then nothing for %s after the client had ended its side: "
                    + "it must answer the count and \\n as soon as the client's read returns -1",
                    who, describe(bytes), Wire.seconds(Wire.PROMPT));
        }
        return line.text();
    }

    private static Throwable causeOf(CompletableFuture<?> failed) {
        try {
            failed.join();
            return null;
        } catch (java.util.concurrent.CompletionException wrapped) {
            return wrapped.getCause();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            listener.close();
        } finally {
            background.close();
        }
    }
}
