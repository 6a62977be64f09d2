package tcpcourse.lesson04;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.common.Tap;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.CapturedOutput;
import tcpcourse.testkit.TapTranscript;

/** Records, for the lesson page, what crossed the wire between this lesson's client and server. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TapTranscriptTest {

    @Test
    void recordsWhatTheTapSawBetweenTheClientAndTheServer() throws Exception {
        var tapLog = new CapturedOutput();
        try (var background = new Background();
                var server = Server.listen("127.0.0.1", 0, Server.Mode.ECHO, new CapturedOutput().printStream());
                var tap = Tap.listen("127.0.0.1", 0, server.localAddress(), tapLog.printStream())) {
            background.run(server::serve);
            background.run(tap::serve);

            var lines = TapTranscript.record(tapLog, tap.localAddress().getPort(), server.localAddress().getPort(),
                    port -> Client.run(new String[] {"--port=" + port}, delay -> { },
                    new CapturedOutput().printStream(), new CapturedOutput().printStream()));

            assertThat(lines).first().asString().contains("connected");
            assertThat(lines).last().asString().endsWith(" closed");
            assertThat(lines).anyMatch(line -> line.contains("server -> client  FIN"));
        }
    }

    @Test
    void passesTheResetOfAServerInResetModeOnToTheClientAndShowsIt() throws Exception {
        var log = new CapturedOutput();
        var err = new CapturedOutput();
        try (var background = new Background();
                var server = Server.listen("127.0.0.1", 0, Server.Mode.RESET, new CapturedOutput().printStream());
                var tap = Tap.listen("127.0.0.1", 0, server.localAddress(), log.printStream())) {
            background.run(server::serve);
            var tapping = background.run(tap::serve);
            String port = String.valueOf(tap.localAddress().getPort());

            int status = background.callWhile(tapping, () -> Client.run(new String[] {"--port=" + port, "--retries=0"},
                    delay -> { }, new CapturedOutput().printStream(), err.printStream()));

            assertThat(status).isEqualTo(2);
            assertThat(err.lines()).anyMatch(line -> line.contains("ECONNRESET"));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> log.lines().stream().anyMatch(line -> line.endsWith(" closed")));
            assertThat(log.lines()).anyMatch(line -> line.endsWith("server -> client  RST"))
                    .noneMatch(line -> line.endsWith("server -> client  FIN"));
        }
    }
}
