package tcpcourse.common;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.CapturedOutput;
import tcpcourse.testkit.Loopback;

/**
 * The tap between a real client and a real server on loopback: what it forwards, and what it
 * prints. It is tested in lesson 3, the lesson of ends and resets.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TapTest {

    /** A server that runs {@code serve} on its first connection, a tap in front of it, and a client of the tap. */
    private interface Conversation {
        void talk(Socket client, CompletableFuture<Socket> server) throws Exception;
    }

    private static List<String> tapped(Background.Task onServer, Conversation conversation) throws Exception {
        return tapped(accepted -> onServer.run(), conversation);
    }

    private interface ServerSide {
        void serve(Socket accepted) throws Exception;
    }

    private static List<String> tapped(ServerSide serverSide, Conversation conversation) throws Exception {
        var log = new CapturedOutput();
        try (var background = new Background(); var listener = Loopback.listen();
                var tap = Tap.listen("127.0.0.1", 0, (InetSocketAddress) listener.getLocalSocketAddress(), log.printStream())) {
            background.run(tap::serve);
            var accepted = new CompletableFuture<Socket>();
            var served = background.run(() -> {
                try (var connection = listener.accept()) {
                    connection.setSoTimeout((int) Loopback.READ_TIMEOUT.toMillis());
                    accepted.complete(connection);
                    serverSide.serve(connection);
                }
            });
            try (var client = Loopback.connect(tap.localAddress())) {
                conversation.talk(client, accepted);
            }
            served.get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(10)).until(() -> log.lines().stream().anyMatch(line -> line.endsWith("closed")));
        }
        return log.lines().stream().map(line -> line.replaceFirst("^#1 \\+\\d+\\.\\d{3} s  ", "")).toList();
    }

    @Test
    void passesAHalfCloseOnAsAHalfCloseAndPrintsEachChunkAndEnd() throws Exception {
        var lines = tapped(server -> {
            byte[] request = server.getInputStream().readAllBytes(); // to the client's end
            assertThat(new String(request, UTF_8)).isEqualTo("world!\r\n");
            server.getOutputStream().write("answer".getBytes(UTF_8)); // our side is still open
        }, (client, server) -> {
            client.getOutputStream().write("world!\r\n".getBytes(UTF_8));
            client.shutdownOutput();
            assertThat(new String(client.getInputStream().readAllBytes(), UTF_8)).isEqualTo("answer");
        });

        assertThat(lines.get(0)).matches("connected 127\\.0\\.0\\.1:\\d+ -> 127\\.0\\.0\\.1:\\d+");
        assertThat(lines.subList(1, lines.size())).containsExactly(
                "client -> server  8 bytes  \"world!\\r\\n\"",
                "client -> server  FIN",
                "server -> client  6 bytes  \"answer\"",
                "server -> client  FIN",
                "closed");
    }

    @Test
    void passesTheServersResetOnAsAReset() throws Exception {
        var lines = tapped(server -> {
            assertThat(server.getInputStream().read()).isEqualTo('?');
            server.setSoLinger(true, 0);
            server.close(); // RST
        }, (client, server) -> {
            client.getOutputStream().write('?');
            assertThatThrownBy(() -> client.getInputStream().read())
                    .isInstanceOf(SocketException.class).hasMessageContaining("reset");
        });

        assertThat(lines).contains("client -> server  1 bytes  \"?\"", "server -> client  RST").last().isEqualTo("closed");
        assertThat(lines).doesNotContain("server -> client  FIN");
    }

    @Test
    void passesTheClientsResetOnAsAReset() throws Exception {
        var lines = tapped(server -> {
            assertThatThrownBy(() -> server.getInputStream().readAllBytes())
                    .isInstanceOf(SocketException.class).hasMessageContaining("reset");
        }, (client, server) -> {
            server.get(10, TimeUnit.SECONDS); // the tap has connected through
            client.setSoLinger(true, 0);
            client.close();
        });

        assertThat(lines).contains("client -> server  RST").last().isEqualTo("closed");
    }

    @Test
    void escapesBytesThatAreNotPrintableAndShowsOnlyTheFirstOnes() {
        byte[] chunk = new byte[40];
        chunk[0] = 'a';
        chunk[1] = '"';
        chunk[2] = '\\';
        chunk[3] = (byte) 0xc3;
        assertThat(Tap.escape(chunk, 4)).isEqualTo("\"a\\\"\\\\\\xc3\"");
        assertThat(Tap.escape(chunk, 40)).endsWith("\\x00\"...").hasSize(1 + 1 + 2 + 2 + 4 + (Tap.SHOWN - 4) * 4 + 4);
    }

    @Test
    void readsEndpointsAsTheyAreTypedIncludingIpv6InBrackets() throws Exception {
        assertThat(Tap.endpoint("target", "[::1]:8124", "127.0.0.1").getHostString()).isEqualTo("::1");
        assertThat(Tap.endpoint("listen", "8126", "127.0.0.1")).isEqualTo(InetSocketAddress.createUnresolved("127.0.0.1", 8126));
        assertThatThrownBy(() -> Tap.endpoint("target", "localhost:99999", "127.0.0.1"))
                .hasMessage("--target must be HOST:PORT or PORT, with a port from 0 to 65535, not 'localhost:99999'");
    }

    @Test
    void saysInOneLineWhenItsPortIsTaken() throws Exception {
        try (var taken = Loopback.listen()) {
            var err = new CapturedOutput();
            int status = Tap.run(new String[] {"--listen=" + taken.getLocalPort()}, new CapturedOutput().printStream(),
                    err.printStream());

            assertThat(status).isEqualTo(2);
            assertThat(err.lines()).singleElement().asString().startsWith("cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }
}
