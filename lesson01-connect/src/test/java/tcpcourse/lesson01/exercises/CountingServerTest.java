package tcpcourse.lesson01.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Loopback;
import tcpcourse.testkit.grading.Exercise;
import tcpcourse.testkit.grading.Points;

@Exercise(id = "1.3", title = "A server that counts its clients")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CountingServerTest {

    /** A server on loopback greets a client in microseconds; this bound is for one that never does. */
    private static final Duration CLIENT_READ_TIMEOUT = Duration.ofSeconds(3);

    /** The bound on anything else a test waits for. */
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** More than a greeting: a server that sends this much is sending something else. */
    private static final int MOST_BYTES_READ = 4096;

    private static final List<String> ORDINALS = List.of("first", "second", "third", "fourth");

    /** What one client received: the bytes, and whether the server then ended the connection. */
    private record Received(byte[] bytes, boolean ended) {

        String text() {
            return new String(bytes, UTF_8);
        }

        boolean hasLine() {
            return text().contains("\n");
        }

        /** The first line, without its line end. */
        String line() {
            return text().split("\r?\n", 2)[0];
        }

        /** The text as a student would type it in Java, with \r and \n visible. */
        String shown() {
            return bytes.length == 0 ? "nothing" : "\"" + text().replace("\r", "\\r").replace("\n", "\\n") + "\"";
        }
    }

    /** A CountingServer on a loopback listener of its own, serving on a background thread. */
    private static final class RunningServer implements AutoCloseable {
        private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
            var thread = new Thread(task, "test background");
            thread.setDaemon(true); // a stuck or spinning thread must never keep the test JVM alive
            return thread;
        });
        final ServerSocket listener;
        final CountingServer server;
        private final CompletableFuture<Void> serving = new CompletableFuture<>();
        private int clientsSoFar;

        private RunningServer() throws IOException {
            listener = Loopback.listen();
            server = new CountingServer(listener);
        }

        /** Bound and listening, but not serving yet: clients that connect now wait in the queue. */
        static RunningServer listening() throws IOException {
            return new RunningServer();
        }

        /** Bound and serving. */
        static RunningServer serving() throws IOException {
            return listening().start();
        }

        RunningServer start() {
            threads.execute(() -> {
                try {
                    server.serve();
                    serving.complete(null);
                } catch (Throwable failure) {
                    serving.completeExceptionally(failure);
                }
            });
            return this;
        }

        InetSocketAddress address() {
            return (InetSocketAddress) listener.getLocalSocketAddress();
        }

        /** A client connects and reads up to and including the first line feed. */
        Received greeting() throws Exception {
            return client(false, null);
        }

        /** The same, for a client that the failure messages call {@code which}. */
        Received greeting(String which) throws Exception {
            return client(false, which);
        }

        /** A client connects and reads until the server ends the connection. */
        Received wholeConversation() throws Exception {
            return client(true, null);
        }

        private Received client(boolean toTheEnd, String named) throws Exception {
            String which = named != null ? named
                    : "the " + ORDINALS.get(Math.min(clientsSoFar, ORDINALS.size() - 1)) + " client";
            clientsSoFar++;
            CompletableFuture<Received> client = call(() -> talk(toTheEnd));
            try {
                CompletableFuture.anyOf(client, serving).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException lookedAtBelow) {
                // Which of the two ended, and how, is checked next.
            }
            failIfServeFailed(which);
            Received received;
            try {
                received = client.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException clientFailed) {
                failIfServeFailed(which);
                throw new AssertionError(which + " could not talk to the server: " + clientFailed.getCause(),
                        clientFailed.getCause());
            }
            failIfServeFailed(which);
            if (serving.isDone() && received.bytes().length == 0) {
                throw new AssertionError("serve returned before " + which + " was greeted, while its listener"
                        + " was still open; it must go on accepting clients until the listener is closed");
            }
            return received;
        }

        private void failIfServeFailed(String which) {
            if (serving.isCompletedExceptionally()) {
                Throwable failure = serving.handle((nothing, thrown) -> thrown).join();
                throw new AssertionError("serve ended with " + describe(failure) + " before " + which
                        + " was greeted; only closing the listener may end it, not one client's failure", failure);
            }
        }

        private Received talk(boolean toTheEnd) throws IOException {
            try (var connection = new Socket()) {
                connection.connect(address(), (int) WAIT.toMillis());
                connection.setSoTimeout((int) CLIENT_READ_TIMEOUT.toMillis());
                var fromServer = connection.getInputStream();
                var received = new ByteArrayOutputStream();
                try {
                    // Byte by byte, so that how the server's bytes were split into reads cannot matter.
                    for (int next = fromServer.read(); next != -1; next = fromServer.read()) {
                        received.write(next);
                        if ((next == '\n' && !toTheEnd) || received.size() >= MOST_BYTES_READ) {
                            return new Received(received.toByteArray(), false);
                        }
                    }
                    return new Received(received.toByteArray(), true); // -1: the server ended the connection
                } catch (SocketTimeoutException silence) {
                    return new Received(received.toByteArray(), false);
                }
            }
        }

        /** Closes the listener and waits at most {@code wait} for serve to end; returns how it ended. */
        CompletableFuture<Void> closeListenerAndWait(Duration wait) throws Exception {
            listener.close();
            try {
                serving.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException lookedAtByTheTest) {
                // The test says what went wrong.
            }
            return serving;
        }

        private <T> CompletableFuture<T> call(Callable<T> task) {
            var result = new CompletableFuture<T>();
            threads.execute(() -> {
                try {
                    result.complete(task.call());
                } catch (Throwable failure) {
                    result.completeExceptionally(failure);
                }
            });
            return result;
        }

        @Override
        public void close() throws IOException {
            listener.close();
            // No waiting: a serve that never ends must not cost every test its own time.
            threads.shutdownNow();
        }
    }

    private static String describe(Throwable failure) {
        return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }

    private static void assertGreeted(Received received, String which, int number) {
        String expected = "you are client number " + number;
        assertThat(received.hasLine() ? received.line() : null)
                .withFailMessage("the %s client was greeted with %s; expected the line \"%s\"", which, received.shown(),
                        expected)
                .isEqualTo(expected);
    }

    @Test
    @Points(3)
    void greetsEachClientInTurnWithItsNumber() throws Exception {
        try (var running = RunningServer.serving()) {

            Received first = running.greeting();
            Received second = running.greeting();
            Received third = running.greeting();

            assertGreeted(first, "first", 1);
            assertGreeted(second, "second", 2);
            assertGreeted(third, "third", 3);
        }
    }

    @Test
    @Points(1)
    void endsTheGreetingWithCrLf() throws Exception {
        try (var running = RunningServer.serving()) {

            Received greeting = running.greeting();

            assertThat(greeting.text())
                    .withFailMessage("the greeting arrived as %s; a line on the wire ends with \\r\\n (carriage return,"
                            + " line feed), sent as UTF-8 bytes", greeting.shown())
                    .endsWith("\r\n");
        }
    }

    @Test
    @Points(1)
    void endsTheConnectionAfterTheGreeting() throws Exception {
        try (var running = RunningServer.serving()) {

            Received conversation = running.wholeConversation();

            assertThat(conversation.ended())
                    .withFailMessage("the connection was still open %d s after the server sent %s; end it once the"
                            + " greeting is sent", CLIENT_READ_TIMEOUT.toSeconds(), conversation.shown())
                    .isTrue();
        }
    }

    @Test
    @Points(1)
    void countsTheClientsItAccepted() throws Exception {
        try (var running = RunningServer.serving()) {
            running.greeting();
            running.greeting();
            var lastSeen = new AtomicInteger(-1);

            try {
                await().atMost(Duration.ofSeconds(5)).until(() -> {
                    lastSeen.set(running.server.clientsServed());
                    return lastSeen.get() == 2;
                });
            } catch (ConditionTimeoutException stillWrong) {
                throw new AssertionError("clientsServed() said " + lastSeen.get()
                        + " after two clients had been greeted; expected 2");
            }
        }
    }

    @Test
    @Points(1)
    void keepsTheCountInAVolatileOrFinalAtomicField() throws Exception {
        try (var running = RunningServer.serving()) {
            running.greeting();

            List<String> unsafe = Arrays.stream(CountingServer.class.getDeclaredFields())
                    .filter(field -> !field.isSynthetic())
                    .filter(CountingServerTest::holdsACountOtherThreadsMayNotSee)
                    .map(field -> (Modifier.toString(field.getModifiers()) + " " + field.getType().getSimpleName() + " "
                            + field.getName()).strip())
                    .toList();

            assertThat(unsafe)
                    .withFailMessage("the count is kept in the field '%s', whose updates another thread may never see;"
                            + " clientsServed() is called on other threads than serve(), so make the field volatile, or"
                            + " a final java.util.concurrent.atomic", String.join("', '", unsafe))
                    .isEmpty();
        }
    }

    private static final Set<Class<?>> NUMBERS = Set.of(int.class, long.class, short.class, byte.class,
            Integer.class, Long.class, Short.class, Byte.class);

    /** A number that can change without volatile, or an atomic in a field that can change without volatile. */
    private static boolean holdsACountOtherThreadsMayNotSee(Field field) {
        int modifiers = field.getModifiers();
        boolean changesSafely = Modifier.isVolatile(modifiers);
        boolean number = NUMBERS.contains(field.getType());
        boolean atomic = field.getType().getPackageName().equals("java.util.concurrent.atomic");
        return number ? !changesSafely && !Modifier.isFinal(modifiers)
                : atomic && !changesSafely && !Modifier.isFinal(modifiers);
    }

    @Test
    @Points(1)
    void countsFromOneInEachNewServer() throws Exception {
        try (var earlier = RunningServer.serving()) {
            earlier.greeting();
        }
        try (var running = RunningServer.serving()) {

            Received first = running.greeting();

            assertThat(first.hasLine() ? first.line() : null)
                    .withFailMessage("the first client of a new server was greeted with %s; each server counts its own"
                            + " clients from 1, whatever other servers counted", first.shown())
                    .isEqualTo("you are client number 1");
        }
    }

    @Test
    @Points(1)
    void keepsServingAfterAClientResets() throws Exception {
        try (var running = RunningServer.listening()) {
            // This client waits in the listener's queue and resets its connection before serve
            // takes it, so the greeting to it fails for certain.
            try (var rude = new Socket()) {
                rude.connect(running.address(), (int) WAIT.toMillis());
                rude.setSoLinger(true, 0); // close() now sends a reset (RST) instead of a FIN
            }
            running.start();

            Received next = running.greeting("the client after one that reset its connection");

            assertThat(next.hasLine() ? next.line() : null)
                    .withFailMessage("after a client that reset its connection, the next was greeted with %s; expected"
                            + " \"you are client number 2\": the client that reset was accepted, so it counts",
                            next.shown())
                    .isEqualTo("you are client number 2");
        }
    }

    @Test
    @Points(1)
    void returnsOnceTheListenerIsClosed() throws Exception {
        try (var running = RunningServer.serving()) {
            running.greeting();

            CompletableFuture<Void> serving = running.closeListenerAndWait(Duration.ofSeconds(5));

            assertThat(serving.isDone())
                    .withFailMessage("serve was still running 5 s after its listener was closed; leave the loop once"
                            + " accept fails because the listener is closed")
                    .isTrue();
            assertThat(serving.isCompletedExceptionally())
                    .withFailMessage("serve threw %s once its listener was closed; it must return normally",
                            serving.handle((nothing, thrown) -> thrown == null ? "nothing" : describe(thrown)).join())
                    .isFalse();
        }
    }
}
