package tcpcourse.lesson02.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.Loopback;
import tcpcourse.testkit.grading.Exercise;
import tcpcourse.testkit.grading.Points;

@Exercise(id = "2.3", title = "An echo server for many clients at once")
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class EchoServerTest {

    private static String echoOf(Socket connection, String text) throws Exception {
        byte[] bytes = text.getBytes(UTF_8);
        connection.getOutputStream().write(bytes);
        return new String(connection.getInputStream().readNBytes(bytes.length), UTF_8);
    }

    @Test
    @Points(1)
    void echoesWhatAClientSends() throws Exception {
        try (var background = new Background(); var listener = Loopback.listen()) {
            var serving = background.run(new EchoServer(listener)::serve);
            var address = (InetSocketAddress) listener.getLocalSocketAddress();

            String echo = background.callWhile(serving, () -> {
                try (var connection = Loopback.connect(address)) {
                    return echoOf(connection, "héllo, wörld\r\n");
                }
            });

            assertThat(echo).isEqualTo("héllo, wörld\r\n");
        }
    }

    @Test
    @Points(2)
    void servesTwentyClientsAtOnce() throws Exception {
        try (var background = new Background(); var listener = Loopback.listen()) {
            var serving = background.run(new EchoServer(listener)::serve);
            var address = (InetSocketAddress) listener.getLocalSocketAddress();
            var clients = new ArrayList<Socket>();
            try {
                // All twenty stay connected while each is answered in turn: a server that serves
                // one client until it leaves answers only the first.
                for (int i = 0; i < 20; i++) {
                    clients.add(Loopback.connect(address));
                }
                for (int i = clients.size() - 1; i >= 0; i--) {
                    var client = clients.get(i);
                    String line = "client " + i + "\n";
                    assertThat(background.callWhile(serving, () -> echoOf(client, line))).isEqualTo(line);
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
    void keepsServingWhenAClientResets() throws Exception {
        try (var background = new Background(); var listener = Loopback.listen()) {
            var serving = background.run(new EchoServer(listener)::serve);
            var address = (InetSocketAddress) listener.getLocalSocketAddress();

            try (var rude = Loopback.connect(address)) {
                rude.getOutputStream().write("half a mess".getBytes(UTF_8));
                rude.setSoLinger(true, 0); // close() now sends a reset, not a FIN
            }
            String echo = background.callWhile(serving, () -> {
                try (var polite = Loopback.connect(address)) {
                    return echoOf(polite, "still there?");
                }
            });

            assertThat(echo).isEqualTo("still there?");
        }
    }

    @Test
    @Points(1)
    void closesTheConnectionWhenTheClientEnds() throws Exception {
        try (var background = new Background(); var listener = Loopback.listen()) {
            var serving = background.run(new EchoServer(listener)::serve);
            var address = (InetSocketAddress) listener.getLocalSocketAddress();

            byte[] everything = background.callWhile(serving, () -> {
                try (var connection = Loopback.connect(address)) {
                    connection.getOutputStream().write("bye".getBytes(UTF_8));
                    connection.shutdownOutput();
                    return connection.getInputStream().readAllBytes(); // returns at the server's end
                }
            });
            listener.close();

            assertThat(new String(everything, UTF_8)).isEqualTo("bye");
            serving.get(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
