package tcpcourse.lesson03;

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
                var server = Server.listen("127.0.0.1", 0, new CapturedOutput().printStream());
                var tap = Tap.listen("127.0.0.1", 0, server.localAddress(), tapLog.printStream())) {
            background.run(server::serve);
            background.run(tap::serve);

            var lines = TapTranscript.record(tapLog, tap.localAddress().getPort(), server.localAddress().getPort(),
                    port -> Client.run(new String[] {"--port=" + port},
                    new CapturedOutput().printStream(), new CapturedOutput().printStream()));

            assertThat(lines).first().asString().contains("connected");
            assertThat(lines).last().asString().endsWith(" closed");
            assertThat(lines).anyMatch(line -> line.contains("server -> client  FIN"));
        }
    }
}
