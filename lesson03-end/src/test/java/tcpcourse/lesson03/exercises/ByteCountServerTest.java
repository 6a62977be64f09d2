package tcpcourse.lesson03.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.Loopback;
import tcpcourse.testkit.grading.Exercise;
import tcpcourse.testkit.grading.Points;

@Exercise(id = "3.3", title = "A server that answers at the end")
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ByteCountServerTest {

    private static String countOf(InetSocketAddress server, byte[] data) throws Exception {
        try (var connection = Loopback.connect(server)) {
            connection.getOutputStream().write(data);
            connection.shutdownOutput();
            return new String(connection.getInputStream().readAllBytes(), UTF_8);
        }
    }

    @Test
    @Points(2)
    void answersWithTheNumberOfBytesReceived() throws Exception {
        try (var background = new Background(); var listener = Loopback.listen()) {
            var serving = background.run(new ByteCountServer(listener)::serve);
            var address = (InetSocketAddress) listener.getLocalSocketAddress();

            String small = background.callWhile(serving, () -> countOf(address, "héllo".getBytes(UTF_8)));
            String none = background.callWhile(serving, () -> countOf(address, new byte[0]));
            String big = background.callWhile(serving, () -> countOf(address, new byte[3 << 20]));

            assertThat(small).isEqualTo("6\n");
            assertThat(none).isEqualTo("0\n");
            assertThat(big).isEqualTo((3 << 20) + "\n");
        }
    }

    @Test
    @Points(1)
    void answersNothingBeforeTheClientHasEnded() throws Exception {
        try (var background = new Background(); var listener = Loopback.listen()) {
            var serving = background.run(new ByteCountServer(listener)::serve);
            var address = (InetSocketAddress) listener.getLocalSocketAddress();

            String answer = background.callWhile(serving, () -> {
                try (var connection = Loopback.connect(address)) {
                    connection.getOutputStream().write("not finished".getBytes(UTF_8));
                    connection.setSoTimeout(300);
                    // A bounded wait: no answer may come while our side is still open.
                    assertThatThrownBy(() -> connection.getInputStream().read())
                            .isInstanceOf(SocketTimeoutException.class);
                    connection.setSoTimeout((int) Loopback.READ_TIMEOUT.toMillis());
                    connection.shutdownOutput();
                    return new String(connection.getInputStream().readAllBytes(), UTF_8);
                }
            });

            assertThat(answer).isEqualTo("12\n");
        }
    }

    @Test
    @Points(2)
    void servesSeveralClientsAtOnce() throws Exception {
        try (var background = new Background(); var listener = Loopback.listen()) {
            var serving = background.run(new ByteCountServer(listener)::serve);
            var address = (InetSocketAddress) listener.getLocalSocketAddress();
            var clients = new ArrayList<java.net.Socket>();
            try {
                // Ten clients connect and write, none has ended: each must be read on its own.
                for (int i = 0; i < 10; i++) {
                    var client = Loopback.connect(address);
                    client.getOutputStream().write(new byte[i]);
                    clients.add(client);
                }
                for (int i = clients.size() - 1; i >= 0; i--) {
                    var client = clients.get(i);
                    client.shutdownOutput();
                    String answer = background.callWhile(serving,
                            () -> new String(client.getInputStream().readAllBytes(), UTF_8));
                    assertThat(answer).isEqualTo(i + "\n");
                }
            } finally {
                for (var client : clients) {
                    client.close();
                }
            }
        }
    }

    @Test
    @Points(1)
    void stopsWhenTheListenerIsClosed() throws Exception {
        try (var background = new Background(); var listener = Loopback.listen()) {
            var serving = background.run(new ByteCountServer(listener)::serve);
            var address = (InetSocketAddress) listener.getLocalSocketAddress();
            background.callWhile(serving, () -> countOf(address, new byte[3]));

            listener.close();

            serving.get(10, TimeUnit.SECONDS); // returns, rather than throwing
        }
    }
}
