package tcpcourse.lesson01;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.channels.AsynchronousSocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.CapturedOutput;
import tcpcourse.testkit.Loopback;

/** Node's 'connect' event form: the listener is registered after the call that starts connecting. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ConnectEventTest {

    private static final long WAIT_SECONDS = 10;

    @Test
    void aListenerRegisteredAfterTheCallHearsTheConnection() throws Exception {
        var out = new CapturedOutput();
        var err = new CapturedOutput();
        try (var listener = Loopback.listen()) {
            var server = (InetSocketAddress) listener.getLocalSocketAddress();

            var announced = ConnectEvent.connectAndAnnounce(server, out.printStream(), err.printStream());

            try (var channel = announced.get(WAIT_SECONDS, TimeUnit.SECONDS); var accepted = listener.accept()) {
                assertThat(channel.getRemoteAddress()).isEqualTo(server);
                assertThat(out.lines()).singleElement().asString()
                        .matches("connected to server! 127\\.0\\.0\\.1:\\d+ -> 127\\.0\\.0\\.1:" + server.getPort());
                assertThat(err.lines()).isEmpty();
            }
        }
    }

    @Test
    void aListenerRegisteredAfterTheConnectionIsMadeStillRuns() throws Exception {
        try (var listener = Loopback.listen()) {
            CompletableFuture<AsynchronousSocketChannel> conn =
                    ConnectEvent.createConnection((InetSocketAddress) listener.getLocalSocketAddress());
            try (var channel = conn.get(WAIT_SECONDS, TimeUnit.SECONDS); var accepted = listener.accept()) {
                var heard = new CompletableFuture<AsynchronousSocketChannel>();

                conn.thenAccept(heard::complete); // the connection is made already

                assertThat(heard.getNow(null)).isSameAs(channel); // the listener ran at once
            }
        }
    }

    @Test
    void theErrorListenerHearsARefusedConnection() throws Throwable {
        Loopback.withRefusingPort(refusing -> {
            var out = new CapturedOutput();
            var err = new CapturedOutput();

            var announced = ConnectEvent.connectAndAnnounce(refusing, out.printStream(), err.printStream());

            assertThatThrownBy(() -> announced.get(WAIT_SECONDS, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(ConnectException.class);
            assertThat(out.lines()).isEmpty();
            assertThat(err.lines()).singleElement().asString()
                    .startsWith("cannot connect to 127.0.0.1:" + refusing.getPort() + ": java.net.ConnectException");
        });
    }
}
