package tcpcourse.lesson01;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.CapturedOutput;
import tcpcourse.testkit.Loopback;
import tcpcourse.testkit.Terminal;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ServerTest {

    private final CapturedOutput out = new CapturedOutput();
    private final CapturedOutput err = new CapturedOutput();

    /** Runs {@code body} with lesson 1's server serving on a loopback port the system chose. */
    private void withServer(ServerBody body) throws Exception {
        try (var background = new Background();
                var server = Server.listen("127.0.0.1", 0, out.printStream(), err.printStream())) {
            background.run(server::serve);
            body.accept(server.localAddress());
        }
    }

    @FunctionalInterface
    private interface ServerBody {
        void accept(InetSocketAddress server) throws Exception;
    }

    private static BufferedReader linesFrom(Socket connection) throws Exception {
        return new BufferedReader(new InputStreamReader(connection.getInputStream(), UTF_8));
    }

    @Test
    void bindsTheLoopbackAddressItWasGiven() throws Exception {
        withServer(server -> {
            assertThat(server.getAddress()).isEqualTo(Loopback.ADDRESS);
            assertThat(server.getPort()).isPositive();
        });
    }

    @Test
    void greetsEachClientWithHello() throws Exception {
        withServer(server -> {
            try (var connection = Loopback.connect(server)) {
                String greeting = linesFrom(connection).readLine();

                assertThat(greeting).isEqualTo("hello");
            }
        });
    }

    @Test
    void echoesWhatTheClientSends() throws Exception {
        withServer(server -> {
            try (var connection = Loopback.connect(server)) {
                var lines = linesFrom(connection);

                connection.getOutputStream().write("world!\r\nsecond line ✓\r\n".getBytes(UTF_8));

                assertThat(lines.readLine()).isEqualTo("hello");
                assertThat(lines.readLine()).isEqualTo("world!");
                assertThat(lines.readLine()).isEqualTo("second line ✓");
            }
        });
    }

    @Test
    void logsEachClientConnectingAndDisconnecting() throws Exception {
        withServer(server -> {
            String client;
            try (var connection = Loopback.connect(server)) {
                client = "127.0.0.1:" + connection.getLocalPort();
                linesFrom(connection).readLine();
            }

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(out.lines())
                    .containsSubsequence("client connected: " + client, "client disconnected: " + client));
        });
    }

    @Test
    void servesASecondClientWhileTheFirstStaysConnected() throws Exception {
        withServer(server -> {
            try (var first = Loopback.connect(server); var second = Loopback.connect(server)) {
                var fromSecond = linesFrom(second);

                second.getOutputStream().write("ping\r\n".getBytes(UTF_8));

                assertThat(fromSecond.readLine()).isEqualTo("hello");
                assertThat(fromSecond.readLine()).isEqualTo("ping");
            }
        });
    }

    @Test
    void keepsServingAfterAClientResets() throws Exception {
        withServer(server -> {
            try (var rude = Loopback.connect(server)) {
                rude.setSoLinger(true, 0); // close() now sends a reset (RST) instead of a FIN
            }

            try (var polite = Loopback.connect(server)) {
                assertThat(linesFrom(polite).readLine()).isEqualTo("hello");
            }
        });
    }

    @Test
    void explainsAPortInUseInOneLine() throws Exception {
        try (var taken = Loopback.listen()) {
            int port = taken.getLocalPort();

            int status = Server.run(new String[] {"--port=" + port}, out.printStream(), err.printStream());

            assertThat(status).isEqualTo(2);
            assertThat(err.lines()).singleElement().asString()
                    .startsWith("cannot listen on 127.0.0.1:" + port + ": Address already in use.");
        }
    }

    @Test
    void explainsAWrongArgumentWithTheUsage() {
        int status = Server.run(new String[] {"--prot=9000"}, out.printStream(), err.printStream());

        assertThat(status).isEqualTo(1);
        assertThat(err.lines()).containsExactly(
                "unknown argument '--prot=9000'; usage: Server [--host=127.0.0.1] [--port=8124]");
    }

    @Test
    void rejectsAPortOutOfRange() {
        int status = Server.run(new String[] {"--port=70000"}, out.printStream(), err.printStream());

        assertThat(status).isEqualTo(1);
        assertThat(err.lines()).singleElement().asString().startsWith("--port must be a number from 0 to 65535");
    }

    @Test
    void printsTheUsageForHelpAndExitsZero() {
        int status = Server.run(new String[] {"--help"}, out.printStream(), err.printStream());

        assertThat(status).isZero();
        assertThat(out.lines()).containsExactly("usage: Server [--host=127.0.0.1] [--port=8124]");
        assertThat(err.lines()).isEmpty();
    }

    @Test
    void goesOnServingAfterAnAcceptFailsForWantOfFileDescriptors() throws Exception {
        assumeThat(System.getProperty("os.name")).as("ulimit needs a Unix shell").doesNotStartWith("Windows");
        // given: the server in a JVM of its own, allowed only a few more open files than it starts with
        try (var server = Terminal.startWithOpenFileLimit(40, Server.class, "--port=0")) {
            int port = Integer.parseInt(server.awaitLine(Pattern.compile("server bound to 127\\.0\\.0\\.1:(\\d+)"),
                    Duration.ofSeconds(20)).group(1));
            var address = new InetSocketAddress(Loopback.ADDRESS, port);

            // when: more clients at once than it has file descriptors left (and fewer than its backlog
            // of 50 can hold besides), so that an accept fails
            var crowd = new ArrayList<Socket>();
            try {
                for (int i = 0; i < 60; i++) {
                    crowd.add(Loopback.connect(address));
                }
                server.awaitLine(Pattern.compile("Too many open files"), Duration.ofSeconds(10));
            } finally {
                for (Socket client : crowd) {
                    client.close();
                }
            }

            // then: once those clients have gone, the next one is greeted
            try (var client = Loopback.connect(address)) {
                assertThat(linesFrom(client).readLine()).as("the greeting; printed: %s", server.lines()).isEqualTo("hello");
            }
        }
    }
}
