package tcpcourse.lesson03.exercises;

import static org.assertj.core.api.Assertions.fail;
import static tcpcourse.lesson03.exercises.Wire.describe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tcpcourse.lesson03.exercises.Wire.Received;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.Loopback;

/**
 * One call of {@code RequestReply.ask} against a server of the kind the exercise describes: it reads
 * the request up to its end, then sends its reply in parts and ends its side.
 *
 * <p>The test's thread plays the server, and {@code ask} runs on a thread of its own, so that each
 * side waits a bounded time and the outcome says, in order, what went wrong first.
 */
final class AnswerAtTheEnd {

    /**
     * What happened: what the server read (null if {@code ask} never connected), the reply
     * {@code ask} returned, or what it threw, or neither if it did not return.
     */
    record Outcome(Received request, boolean returned, byte[] reply, Throwable askFailed, boolean returnedBeforeTheEnd) {

        /** What the server read of the request, once it has read the request's end; fails otherwise. */
        byte[] requestAsReceived() {
            if (request == null) {
                fail(askFailed != null
                        ? "ask threw " + describe(askFailed) + " before it connected to the server"
                        : "ask never connected to the server within " + Wire.seconds(Wire.PROMPT));
            }
            if (!request.ended()) {
                fail("the server never answered: it read %s and then waited %s for the end of the request; "
                        + "once the request is written, end our side", describe(request.bytes()), Wire.seconds(Wire.PROMPT));
            }
            return request.bytes();
        }

        /** The reply {@code ask} returned, once the server has answered; fails with what went wrong first otherwise. */
        byte[] replyReturned() {
            requestAsReceived();
            if (askFailed != null) {
                fail("ask threw %s instead of returning the server's reply", describe(askFailed));
            }
            if (!returned) {
                fail("ask did not return within %s after the server had sent its reply and ended its side: "
                        + "read until -1, then return", Wire.seconds(Wire.PROMPT));
            }
            return reply;
        }

        /** Fails if {@code ask} returned while the server, done sending, paused before its end. */
        void assertReturnedOnlyAtTheEnd() {
            if (returnedBeforeTheEnd) {
                fail("ask returned while the server, done sending, paused before ending its side: "
                        + "a pause is not the end, the reply is complete only when a read returns -1");
            }
        }
    }

    private AnswerAtTheEnd() {}

    /** Where the server waits until {@code ask} has returned, for {@link Wire#QUIET} at most. */
    enum Pause { NONE, BEFORE_THE_LAST_PART, BEFORE_THE_END }

    /** Asks {@code request}; the server answers {@code replyParts}, one after the other, then ends. */
    static Outcome ask(byte[] request, byte[]... replyParts) throws Exception {
        return exchange(request, Pause.NONE, replyParts);
    }

    /**
     * As {@link #ask}, but before the last part the server waits until {@code ask} has returned,
     * for {@link Wire#QUIET} at most. A correct {@code ask} cannot return before the server's end,
     * so the wait always runs out; an {@code ask} that stops at a pause returns first.
     */
    static Outcome askWithAPauseBeforeTheLastPart(byte[] request, byte[]... replyParts) throws Exception {
        return exchange(request, Pause.BEFORE_THE_LAST_PART, replyParts);
    }

    /** As {@link #askWithAPauseBeforeTheLastPart}, but the server pauses after its last part, before its end. */
    static Outcome askWithAPauseBeforeTheEnd(byte[] request, byte[]... replyParts) throws Exception {
        return exchange(request, Pause.BEFORE_THE_END, replyParts);
    }

    private static Outcome exchange(byte[] request, Pause pause, byte[]... replyParts) throws Exception {
        try (var background = new Background(); var listener = Loopback.listen()) {
            var address = (InetSocketAddress) listener.getLocalSocketAddress();
            CompletableFuture<byte[]> asking = background.call(() -> RequestReply.ask(address, request));
            Received received;
            boolean returnedBeforeTheEnd = false;
            try (var connection = acceptOrNull(listener, asking)) {
                if (connection == null) {
                    waitFor(asking);
                    return outcome(null, asking, false);
                }
                received = Wire.readUntilTheEnd(connection);
                if (received.ended()) {
                    returnedBeforeTheEnd = answer(connection, asking, pause, replyParts);
                }
                // Otherwise closing tells an ask that never ends its request that no answer will come.
            }
            waitFor(asking);
            return outcome(received, asking, returnedBeforeTheEnd);
        }
    }

    /**
     * The connection of {@code ask}, or null if it has not connected within {@link Wire#PROMPT}, or
     * has failed without connecting: a connection made before the failure is already queued, so an
     * accept that starts after the failure and finds nothing means there is none.
     */
    private static Socket acceptOrNull(ServerSocket listener, CompletableFuture<byte[]> asking) throws IOException {
        long deadline = System.nanoTime() + Wire.PROMPT.toNanos();
        listener.setSoTimeout(100);
        while (true) {
            boolean askHadFailed = asking.isCompletedExceptionally();
            try {
                Socket connection = listener.accept();
                connection.setSoTimeout((int) Wire.PROMPT.toMillis());
                return connection;
            } catch (SocketTimeoutException nothingYet) {
                if (askHadFailed || System.nanoTime() > deadline) {
                    return null;
                }
            }
        }
    }

    /** Sends the parts and ends; returns whether {@code ask} returned during a pause before the end. */
    private static boolean answer(Socket connection, CompletableFuture<byte[]> asking, Pause pause, byte[]... parts) {
        try {
            for (int i = 0; i < parts.length; i++) {
                if (pause == Pause.BEFORE_THE_LAST_PART && i == parts.length - 1) {
                    waitAtMost(asking, Wire.QUIET.toMillis());
                }
                connection.getOutputStream().write(parts[i]);
                connection.getOutputStream().flush();
            }
            boolean returnedBeforeTheEnd = false;
            if (pause == Pause.BEFORE_THE_END) {
                waitAtMost(asking, Wire.QUIET.toMillis());
                returnedBeforeTheEnd = asking.isDone(); // a correct ask cannot return before our end
            }
            connection.shutdownOutput();
            return returnedBeforeTheEnd;
        } catch (IOException resetByTheClient) {
            // An ask that has closed its socket resets the connection: its reply says what went wrong.
            return true;
        }
    }

    private static void waitFor(CompletableFuture<byte[]> asking) {
        waitAtMost(asking, Wire.PROMPT.toMillis());
    }

    private static void waitAtMost(CompletableFuture<byte[]> asking, long millis) {
        try {
            asking.get(millis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException seenInTheOutcome) {
            // The outcome reports both.
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static Outcome outcome(Received request, CompletableFuture<byte[]> asking, boolean returnedBeforeTheEnd) {
        if (!asking.isDone()) {
            return new Outcome(request, false, null, null, returnedBeforeTheEnd);
        }
        try {
            return new Outcome(request, true, asking.join(), null, returnedBeforeTheEnd);
        } catch (java.util.concurrent.CompletionException failed) {
            return new Outcome(request, false, null, failed.getCause(), returnedBeforeTheEnd);
        }
    }
}
