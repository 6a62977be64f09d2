package tcpcourse.lesson01.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.channels.AsynchronousSocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Loopback;
import tcpcourse.testkit.grading.Exercise;
import tcpcourse.testkit.grading.Points;

@Exercise(id = "1.2", title = "Connect with a callback")
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class CallbackConnectTest {

    /** Records every call, so a test can check that exactly one came, and with what. */
    private static final class RecordingListener implements ConnectListener {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final CompletableFuture<InetSocketAddress[]> connected = new CompletableFuture<>();
        final CompletableFuture<IOException> failed = new CompletableFuture<>();

        @Override
        public void connected(InetSocketAddress local, InetSocketAddress remote) {
            calls.add("connected");
            connected.complete(new InetSocketAddress[] {local, remote});
        }

        @Override
        public void failed(IOException error) {
            calls.add("failed");
            failed.complete(error);
        }
    }

    @Test
    @Points(2)
    void callsConnectedWithBothEnds() throws Exception {
        try (var listener = Loopback.listen(); var channel = AsynchronousSocketChannel.open()) {
            var server = (InetSocketAddress) listener.getLocalSocketAddress();
            var recorder = new RecordingListener();

            CallbackConnect.connect(channel, server, recorder);
            InetSocketAddress[] ends = recorder.connected.get(10, TimeUnit.SECONDS);

            try (var accepted = listener.accept()) {
                assertThat(ends[1]).isEqualTo(server);
                assertThat(ends[0].getPort()).isEqualTo(accepted.getPort());
                assertThat(recorder.calls).containsExactly("connected");
            }
        }
    }

    @Test
    @Points(1)
    void callsFailedWhenTheConnectionIsRefused() throws Throwable {
        Loopback.withRefusingPort(refusing -> {
            try (var channel = AsynchronousSocketChannel.open()) {
                var recorder = new RecordingListener();

                CallbackConnect.connect(channel, refusing, recorder);
                IOException error = recorder.failed.get(10, TimeUnit.SECONDS);

                assertThat(error).isInstanceOf(ConnectException.class);
                assertThat(recorder.calls).containsExactly("failed");
            }
        });
    }

    @Test
    @Points(1)
    void returnsBeforeTheConnectionIsMade() throws Throwable {
        Loopback.withUnansweredPort(unanswered -> {
            try (var channel = AsynchronousSocketChannel.open()) {
                var recorder = new RecordingListener();

                // The handshake cannot finish here, so only a call that does not wait returns.
                assertTimeoutPreemptively(Duration.ofSeconds(5),
                        () -> CallbackConnect.connect(channel, unanswered, recorder));

                assertThat(recorder.calls).isEmpty();
            }
        });
    }
}
