package tcpcourse.lesson05;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.CapturedOutput;
import tcpcourse.testkit.Loopback;

/** Frames survive a relay that cuts and joins the stream at random; seeds make each run replayable. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RelayTest {

    @Test
    void everyFrameComesBackUnchangedThroughTheRelay() throws Exception {
        var quiet = new PrintStream(OutputStream.nullOutputStream());
        var relayLog = new CapturedOutput();
        try (var background = new Background();
                var server = Server.listen("127.0.0.1", 0, LengthPrefix.DEFAULT_MAXIMUM, quiet);
                var relay = Relay.listen("127.0.0.1", 0, server.localAddress(), 7, relayLog.printStream())) {
            background.run(server::serve);
            background.run(relay::serve);

            for (long seed = 1; seed <= 20; seed++) {
                var random = new Random(seed);
                var frames = new ArrayList<byte[]>();
                for (int i = 1 + random.nextInt(50); i > 0; i--) {
                    byte[] frame = new byte[random.nextInt(3) == 0 ? random.nextInt(100_000) : random.nextInt(40)];
                    random.nextBytes(frame);
                    frames.add(frame);
                }

                int different = Client.talkTo("127.0.0.1", relay.localAddress().getPort(), frames,
                        java.time.Duration.ofSeconds(10), quiet);

                assertThat(different).as("seed %d", seed).isZero();
            }
        }
        assertThat(relayLog.lines()).anyMatch(line -> line.matches(".* bytes forwarded as \\d+ \\+ \\d+.*"));
    }

    @Test
    void letsGoOfASilentClientWhenTheServerResets() throws Exception {
        var quiet = new PrintStream(OutputStream.nullOutputStream());
        try (var background = new Background();
                var target = Loopback.listen();
                var relay = Relay.listen("127.0.0.1", 0, (java.net.InetSocketAddress) target.getLocalSocketAddress(), 7,
                        quiet)) {
            background.run(relay::serve);
            try (var client = Loopback.connect(relay.localAddress()); var relayed = target.accept()) {
                relayed.setSoLinger(true, 0);
                relayed.close(); // the server resets; the client stays silent, never sending a byte

                // The relay must end the client's connection too, not wait for ever on its silence.
                int first = -2;
                try {
                    first = client.getInputStream().read();
                } catch (java.net.SocketException reset) {
                    first = -1;
                }
                assertThat(first).as("the relay's connection to the client ends after the server's reset").isEqualTo(-1);
            }
        }
    }

    @Test
    void namesTheTargetPortWhenItIsOutOfRange() {
        var err = new CapturedOutput();

        int status = Relay.run(new String[] {"--target-port=99999"}, new PrintStream(OutputStream.nullOutputStream()),
                err.printStream());

        assertThat(status).isEqualTo(1);
        assertThat(err.lines()).singleElement().asString()
                .startsWith("--target-port must be a number from 0 to 65535, not '99999'");
    }

    @Test
    void refusesATargetHostItCannotFindWithOneLine() throws Exception {
        var err = new CapturedOutput();
        try (var background = new Background()) {
            // when
            var status = background.call(() -> Relay.run(
                    new String[] {"--port=0", "--target-host=no-such-host.invalid"},
                    new PrintStream(OutputStream.nullOutputStream()), err.printStream()));

            // then
            assertThat(status).as("the relay's exit status, instead of serving a target it cannot find")
                    .succeedsWithin(Duration.ofSeconds(10)).isEqualTo(2);
        }
        assertThat(err.lines()).containsExactly(
                "cannot forward to no-such-host.invalid:8124: unknown host. Try --target-host=127.0.0.1");
    }

    @Test
    void endsTheClientsConnectionWhenTheTargetNeverAnswersTheHandshake() throws Throwable {
        var relayLog = new CapturedOutput();
        Loopback.withUnansweredPort(target -> {
            try (var background = new Background();
                    var relay = Relay.listen("127.0.0.1", 0, target, 7, relayLog.printStream())) {
                background.run(relay::serve);

                // when
                try (var client = Loopback.connect(relay.localAddress())) {
                    int first = client.getInputStream().read();

                    // then: within the client's read timeout, not after the system's minutes of SYNs
                    assertThat(first).isEqualTo(-1);
                }
            }
        });
        // The relay closes the client's connection first, then logs: the line may come just after the -1.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(relayLog.lines()).singleElement()
                .asString().matches("relay of 127\\.0\\.0\\.1:\\d+ failed: .*timed out.*"));
    }
}
