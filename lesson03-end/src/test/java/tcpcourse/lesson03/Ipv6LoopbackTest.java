package tcpcourse.lesson03;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.CapturedOutput;
import tcpcourse.testkit.Ipv6;

/** Lesson 3's server and client over IPv6 loopback, {@code --host=::1}. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class Ipv6LoopbackTest {

    @Test
    void theClientEndsItsSideAndReadsTheAnswerOnIpv6Loopback() throws Exception {
        Ipv6.assumeLoopback();
        var out = new CapturedOutput();
        var err = new CapturedOutput();
        try (var background = new Background();
                var server = Server.listen(Ipv6.LOOPBACK, 0, new CapturedOutput().printStream())) {
            var serving = background.run(server::serve);
            String port = String.valueOf(server.localAddress().getPort());

            int status = background.callWhile(serving, () -> Client.run(
                    new String[] {"--host=" + Ipv6.LOOPBACK, "--port=" + port}, out.printStream(), err.printStream()));

            assertThat(status).isZero();
            assertThat(err.lines()).isEmpty();
            assertThat(out.lines()).containsSubsequence("hello", "server ended the connection", "disconnected from server");
            assertThat(out.lines()).anyMatch(line -> line.matches("received \\d+ bytes, goodbye"));
        }
    }
}
