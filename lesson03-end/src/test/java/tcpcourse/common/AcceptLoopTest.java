package tcpcourse.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.CapturedOutput;
import tcpcourse.testkit.Loopback;

/** The accept loop of lessons 2 to 5, the tap and the relay. It is tested in lesson 3, with the tap. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class AcceptLoopTest {

    /** A listener whose first accept fails as Linux's does with no file descriptor left. */
    private static final class FailingOnce extends ServerSocket {
        private final AtomicBoolean failed = new AtomicBoolean();

        FailingOnce() throws IOException {
            super(0, 50, Loopback.ADDRESS);
        }

        @Override
        public Socket accept() throws IOException {
            if (!failed.getAndSet(true)) {
                throw new IOException("Too many open files");
            }
            return super.accept();
        }
    }

    @Test
    void goesOnAcceptingAfterAnAcceptFails() throws Exception {
        // given
        var log = new CapturedOutput();
        try (var background = new Background(); var listener = new FailingOnce()) {
            var serving = background.run(() -> AcceptLoop.serveEach(listener, log.printStream(), connection -> {
                try (connection) {
                    connection.getOutputStream().write('!');
                } catch (IOException failure) {
                    throw new java.io.UncheckedIOException(failure);
                }
            }));

            // when
            int answer = background.callWhile(serving, () -> {
                try (var client = Loopback.connect((InetSocketAddress) listener.getLocalSocketAddress())) {
                    return client.getInputStream().read();
                }
            });

            // then
            assertThat(answer).isEqualTo('!');
            assertThat(log.lines()).containsExactly("cannot accept a connection: Too many open files; trying again");
        }
    }
}
