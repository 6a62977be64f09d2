package tcpcourse.lesson03;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.CapturedOutput;
import tcpcourse.testkit.Loopback;
import tcpcourse.testkit.Transcripts;

/**
 * Records, for the lesson page's diagrams, the numbers that real runs measure: how many bytes the
 * server counts from the client's default message, and how many unread bytes a close loses.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PageFactsTest {

    private static final Pattern ANSWER = Pattern.compile("received (\\d+) bytes, goodbye");

    @Test
    void recordsTheServersCountOfTheDefaultMessageAndTheBytesAResetLoses() throws Exception {
        var facts = new LinkedHashMap<String, Object>();
        var out = new CapturedOutput();
        try (var background = new Background();
                var server = Server.listen("127.0.0.1", 0, new CapturedOutput().printStream())) {
            var serving = background.run(server::serve);
            String port = String.valueOf(server.localAddress().getPort());

            int status = background.callWhile(serving,
                    () -> Client.run(new String[] {"--port=" + port}, out.printStream(), new CapturedOutput().printStream()));

            assertThat(status).isZero();
        }
        String answer = out.lines().stream().filter(line -> ANSWER.matcher(line).matches()).findFirst()
                .orElseThrow(() -> new AssertionError("the client printed no answer: " + out.lines()));
        var counted = ANSWER.matcher(answer);
        assertThat(counted.matches()).isTrue();
        facts.put("received-bytes", Integer.parseInt(counted.group(1)));

        byte[] unread = "you never read this".getBytes(UTF_8);
        Loopback.withConnectedPair((client, server) -> {
            server.getOutputStream().write(unread);
            await().atMost(Duration.ofSeconds(10)).until(() -> client.getInputStream().available() == unread.length);
            facts.put("unread-bytes", client.getInputStream().available());
            client.close();
        });
        Transcripts.attributes("facts.adoc", facts);
    }
}
