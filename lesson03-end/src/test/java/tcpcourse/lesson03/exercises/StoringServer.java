package tcpcourse.lesson03.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.fail;
import static tcpcourse.lesson03.exercises.Wire.describe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.Loopback;

/**
 * One call of {@code AcknowledgedSender.send} against a server that stores records the way the
 * exercise describes, and does what a test's script says: acknowledge, end, or reset.
 *
 * <p>The test's thread plays the server and {@code send} runs on a thread of its own; every read
 * of the server waits {@link Wire#PROMPT} at most, and so does the wait for {@code send}'s result
 * once the server has ended or reset the connection.
 */
final class StoringServer {

    /** What the server does on the connection of {@code send}. */
    @FunctionalInterface
    interface Script {
        void play(Connection connection) throws IOException;
    }

    /** The server's side of the connection, with what the script needs. */
    static final class Connection {
        private final Socket socket;
        private final InputStream fromClient;
        private final List<String> records = new ArrayList<>();
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private boolean clientEnded;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.fromClient = socket.getInputStream();
            socket.setSoTimeout((int) Wire.PROMPT.toMillis());
        }

        /** Reads up to {@code count} records, fewer if the end comes or nothing comes for {@link Wire#PROMPT}. */
        List<String> readRecords(int count) throws IOException {
            var line = new ByteArrayOutputStream();
            int before = records.size();
            try {
                while (records.size() - before < count) {
                    int next = fromClient.read();
                    if (next == -1) {
                        clientEnded = true;
                        break;
                    }
                    received.write(next);
                    if (next == '\n') {
                        records.add(line.toString(UTF_8));
                        line.reset();
                    } else {
                        line.write(next);
                    }
                }
            } catch (SocketTimeoutException quiet) {
                // The outcome says what came.
            }
            return records.subList(before, records.size());
        }

        /** Reads every record up to the client's end, or until nothing has come for {@link Wire#PROMPT}. */
        List<String> readRecordsToTheEnd() throws IOException {
            return readRecords(Integer.MAX_VALUE);
        }

        /** Writes {@code text} in one write. */
        void send(String text) throws IOException {
            socket.getOutputStream().write(text.getBytes(UTF_8));
            socket.getOutputStream().flush();
        }

        /** Acknowledges {@code count} records, one write each. */
        void acknowledge(int count) throws IOException {
            for (int i = 0; i < count; i++) {
                send("ok\n");
            }
        }

        /** Ends the connection in order: a FIN after everything sent. */
        void end() throws IOException {
            socket.shutdownOutput();
        }

        /** Resets the connection: an RST, and whatever the server has not read is lost. */
        void reset() throws IOException {
            socket.setSoLinger(true, 0);
            socket.close();
        }

        boolean clientEnded() {
            return clientEnded;
        }

        byte[] received() {
            return received.toByteArray();
        }

        List<String> records() {
            return List.copyOf(records);
        }
    }

    /** What {@code send} did: returned a count, threw, or neither within {@link Wire#PROMPT}. */
    record Outcome(boolean connected, boolean returned, int count, Throwable thrown) {

        /** Fails if {@code send} never connected to the server. */
        void assertConnected() {
            if (!connected) {
                fail(thrown != null
                        ? "send threw " + describe(thrown) + " before it connected to the server"
                        : "send never connected to the server within " + Wire.seconds(Wire.PROMPT));
            }
        }

        /** The count {@code send} returned; fails, saying what happened instead, if it returned none. */
        int count(String situation) {
            assertConnected();
            if (thrown != null) {
                fail("%s, send threw %s instead of returning how many records the server acknowledged: "
                        + "a reset is an answer here, and the acknowledgements before it are still there to read",
                        situation, describe(thrown));
            }
            if (!returned) {
                fail("%s, send did not return within %s: once the server has ended or reset the connection, "
                        + "there is nothing more to wait for", situation, Wire.seconds(Wire.PROMPT));
            }
            return count;
        }
    }

    private StoringServer() {}

    /** Runs {@code send(records)} against a server that plays {@code script} on its connection. */
    static Outcome send(List<String> records, Script script) throws Exception {
        return send(records, null, script);
    }

    /**
     * As {@link #send(List, Script)}, with the listener's receive buffer set to {@code receiveBuffer}
     * bytes before it listens, so that the connection's window, and what the client can write
     * before its writes block, stays small.
     */
    static Outcome send(List<String> records, Integer receiveBuffer, Script script) throws Exception {
        try (var background = new Background(); var listener = new ServerSocket()) {
            if (receiveBuffer != null) {
                listener.setReceiveBufferSize(receiveBuffer);
            }
            listener.bind(new InetSocketAddress(Loopback.ADDRESS, 0), 50);
            var address = (InetSocketAddress) listener.getLocalSocketAddress();
            CompletableFuture<Integer> sending = background.call(() -> AcknowledgedSender.send(address, records));
            try (var socket = acceptOrNull(listener, sending)) {
                if (socket == null) {
                    waitFor(sending);
                    return outcome(false, sending);
                }
                try {
                    script.play(new Connection(socket));
                } catch (IOException clientWentAway) {
                    // A send that closed or reset its socket: the outcome says what it returned.
                }
            }
            waitFor(sending);
            return outcome(true, sending);
        }
    }

    /** The connection of {@code send}, or null if it has not connected within {@link Wire#PROMPT} or failed first. */
    private static Socket acceptOrNull(ServerSocket listener, CompletableFuture<Integer> sending) throws IOException {
        long deadline = System.nanoTime() + Wire.PROMPT.toNanos();
        listener.setSoTimeout(100);
        while (true) {
            boolean sendHadFailed = sending.isCompletedExceptionally();
            try {
                return listener.accept();
            } catch (SocketTimeoutException nothingYet) {
                if (sendHadFailed || System.nanoTime() > deadline) {
                    return null;
                }
            }
        }
    }

    private static void waitFor(CompletableFuture<Integer> sending) {
        try {
            sending.get(Wire.PROMPT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException seenInTheOutcome) {
            // The outcome reports both.
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static Outcome outcome(boolean connected, CompletableFuture<Integer> sending) {
        if (!sending.isDone()) {
            return new Outcome(connected, false, 0, null);
        }
        try {
            return new Outcome(connected, true, sending.join(), null);
        } catch (CompletionException failed) {
            return new Outcome(connected, false, 0, failed.getCause());
        }
    }
}
