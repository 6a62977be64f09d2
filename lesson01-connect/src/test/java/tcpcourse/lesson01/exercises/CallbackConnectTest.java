package tcpcourse.lesson01.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.channels.AsynchronousChannelGroup;
import java.nio.channels.AsynchronousSocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.common.Addresses;
import tcpcourse.testkit.Loopback;
import tcpcourse.testkit.grading.Exercise;
import tcpcourse.testkit.grading.Points;

@Exercise(id = "1.2", title = "Connect with a callback")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CallbackConnectTest {

    /** A call that only starts connecting returns in microseconds; this bound is for a call that waits. */
    private static final Duration RETURNS_AT_ONCE = Duration.ofSeconds(3);

    /** A held SYN is sent again after about 1 s and 3 s: the outcome is known well within this. */
    private static final Duration OUTCOME_WAIT = Duration.ofSeconds(10);

    /** One call the listener heard: which method, and on which thread. */
    private record Call(String method, Thread thread) {}

    /** Records every call, so a test can check which came, on which thread, and with what. */
    private static final class RecordingListener implements ConnectListener {
        final List<Call> calls = new CopyOnWriteArrayList<>();
        final CompletableFuture<Call> first = new CompletableFuture<>();
        volatile InetSocketAddress[] ends;
        volatile IOException error;

        @Override
        public void connected(InetSocketAddress local, InetSocketAddress remote) {
            ends = new InetSocketAddress[] {local, remote};
            record("connected");
        }

        @Override
        public void failed(IOException error) {
            this.error = error;
            record("failed");
        }

        private void record(String method) {
            var call = new Call(method, Thread.currentThread());
            calls.add(call);
            first.complete(call);
        }

        List<String> methodsCalled() {
            return calls.stream().map(Call::method).toList();
        }

        /** The first call, once it has come; fails the test if none comes within {@link #OUTCOME_WAIT}. */
        Call firstCall(String situation) throws Exception {
            try {
                return first.get(OUTCOME_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException nothingHeard) {
                throw new AssertionError("the listener heard nothing within " + OUTCOME_WAIT.toSeconds() + " s after "
                        + situation + "; the channel's completion handler must pass the outcome on");
            }
        }
    }

    /** A channel group whose threads the test knows, so it can tell who called the listener. */
    private static final class KnownThreadsGroup implements AutoCloseable {
        private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
        private final AsynchronousChannelGroup group;

        KnownThreadsGroup() throws IOException {
            group = AsynchronousChannelGroup.withFixedThreadPool(2, task -> {
                var thread = new Thread(task, "channel group");
                thread.setDaemon(true); // a stuck thread must never keep the test JVM alive
                threads.add(thread);
                return thread;
            });
        }

        AsynchronousSocketChannel openChannel() throws IOException {
            return AsynchronousSocketChannel.open(group);
        }

        boolean owns(Thread thread) {
            return threads.contains(thread);
        }

        /** Closes the group's channels and waits until its handlers have returned: nothing is called back after. */
        void closeAndAwaitHandlers() throws Exception {
            group.shutdownNow();
            if (!group.awaitTermination(5, TimeUnit.SECONDS)) {
                throw new AssertionError("the channel's threads were still busy 5 s after the channel was closed:"
                        + " a completion handler must not block");
            }
        }

        @Override
        public void close() throws IOException {
            group.shutdownNow();
        }
    }

    /** Calls connect on a thread of its own; fails the test if it has not returned within {@link #RETURNS_AT_ONCE}. */
    private static void connectReturningAtOnce(AsynchronousSocketChannel channel, InetSocketAddress server,
            ConnectListener listener, String situation) {
        assertTimeoutPreemptively(RETURNS_AT_ONCE, () -> CallbackConnect.connect(channel, server, listener),
                () -> "connect was still waiting after " + RETURNS_AT_ONCE.toSeconds() + " s " + situation
                        + "; it must return at once and let the listener hear the outcome later");
    }

    private static String describe(Throwable error) {
        return error == null ? "no error"
                : error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
    }

    @Test
    @Points(3)
    void returnsBeforeTheHandshakeIsDone() throws Exception {
        try (var group = new KnownThreadsGroup(); var unanswered = HeldHandshakes.open()) {
            var channel = group.openChannel();
            var recorder = new RecordingListener();

            connectReturningAtOnce(channel, unanswered.address(), recorder,
                    "for a server that had not answered the handshake");

            assertThat(recorder.methodsCalled())
                    .withFailMessage("the listener heard %s before the handshake could be done; only the channel's"
                            + " completion handler knows the outcome", recorder.methodsCalled())
                    .isEmpty();
        }
    }

    @Test
    @Points(3)
    void hearsConnectedLaterOnAThreadOfTheChannelsGroup() throws Exception {
        try (var group = new KnownThreadsGroup(); var server = HeldHandshakes.open()) {
            var channel = group.openChannel();
            var recorder = new RecordingListener();

            // The server answers only after connect has returned.
            connectReturningAtOnce(channel, server.address(), recorder,
                    "for a server that answers the handshake only once connect has returned");
            server.makeRoom();
            Call first = recorder.firstCall("the server answered the handshake");

            assertThat(first.method())
                    .withFailMessage("the listener heard %s although the server answered; expected connected", first.method())
                    .isEqualTo("connected");
            assertThat(group.owns(first.thread()))
                    .withFailMessage("connected was called on thread \"%s\", not on a thread of the channel's group;"
                            + " call it from the CompletionHandler that the channel calls back", first.thread().getName())
                    .isTrue();
        }
    }

    @Test
    @Points(2)
    void hearsFailedLaterOnAThreadOfTheChannelsGroup() throws Exception {
        try (var group = new KnownThreadsGroup(); var server = HeldHandshakes.open()) {
            var channel = group.openChannel();
            var recorder = new RecordingListener();

            // The server refuses only after connect has returned.
            connectReturningAtOnce(channel, server.address(), recorder,
                    "for a server that refuses the connection only once connect has returned");
            server.refuse();
            Call first = recorder.firstCall("the server refused the connection");

            assertThat(first.method())
                    .withFailMessage("the listener heard %s although the server refused; expected failed", first.method())
                    .isEqualTo("failed");
            assertThat(group.owns(first.thread()))
                    .withFailMessage("failed was called on thread \"%s\", not on a thread of the channel's group;"
                            + " call it from the CompletionHandler that the channel calls back", first.thread().getName())
                    .isTrue();
        }
    }

    @Test
    @Points(1)
    void passesBothEndsToConnectedOnce() throws Exception {
        try (var group = new KnownThreadsGroup(); var server = HeldHandshakes.open()) {
            var channel = group.openChannel();
            var recorder = new RecordingListener();

            // The server answers only after connect has returned, so the ends exist only from then on.
            connectReturningAtOnce(channel, server.address(), recorder,
                    "for a server that answers the handshake only once connect has returned");
            server.makeRoom();
            Call first = recorder.firstCall("the server answered the handshake");

            try (var accepted = server.acceptNext(OUTCOME_WAIT)) {
                group.closeAndAwaitHandlers();
                var expectedLocal = new InetSocketAddress(Loopback.ADDRESS, accepted.getPort());
                assertThat(first.method())
                        .withFailMessage("the listener heard %s (%s) although the server answered; expected connected",
                                first.method(), describe(recorder.error))
                        .isEqualTo("connected");
                assertThat(recorder.ends[1])
                        .withFailMessage("connected heard remote = %s; expected the server's address %s",
                                Addresses.describe(recorder.ends[1]), Addresses.describe(server.address()))
                        .isEqualTo(server.address());
                assertThat(recorder.ends[0])
                        .withFailMessage("connected heard local = %s; expected this side's address %s, where the server saw"
                                + " the connection come from", Addresses.describe(recorder.ends[0]),
                                Addresses.describe(expectedLocal))
                        .isEqualTo(expectedLocal);
                assertThat(recorder.methodsCalled())
                        .withFailMessage("the listener heard %s; expected connected, once", recorder.methodsCalled())
                        .containsExactly("connected");
            }
        }
    }

    @Test
    @Points(1)
    void passesTheConnectExceptionToFailedOnceWhenRefused() throws Throwable {
        Loopback.withRefusingPort(refusing -> {
            try (var group = new KnownThreadsGroup()) {
                var channel = group.openChannel();
                var recorder = new RecordingListener();

                connectReturningAtOnce(channel, refusing, recorder, "for a server that refuses connections");
                Call first = recorder.firstCall("the server refused the connection");
                group.closeAndAwaitHandlers();

                assertThat(first.method())
                        .withFailMessage("the listener heard %s although the server refused; expected failed", first.method())
                        .isEqualTo("failed");
                assertThat(recorder.error)
                        .withFailMessage("failed heard %s; expected the channel's own ConnectException as it is, not"
                                + " wrapped in another exception", describe(recorder.error))
                        .isInstanceOf(ConnectException.class);
                assertThat(recorder.methodsCalled())
                        .withFailMessage("the listener heard %s; expected failed, once", recorder.methodsCalled())
                        .containsExactly("failed");
            }
        });
    }
}
