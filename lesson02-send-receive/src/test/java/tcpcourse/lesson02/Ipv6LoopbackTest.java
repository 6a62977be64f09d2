package tcpcourse.lesson02;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.CapturedOutput;
import tcpcourse.testkit.Ipv6;

/** Lesson 2's server and client over IPv6 loopback, {@code --host=::1}. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class Ipv6LoopbackTest {

    @Test
    void theClientTalksToTheServerOnIpv6Loopback() throws Exception {
        Ipv6.assumeLoopback();
        var log = new CapturedOutput();
        var out = new CapturedOutput();
        var err = new CapturedOutput();
        var keyboard = new ByteArrayInputStream("über IPv6\n".getBytes(UTF_8));
        try (var background = new Background(); var server = Server.listen(Ipv6.LOOPBACK, 0, log.printStream())) {
            var serving = background.run(server::serve);
            String port = String.valueOf(server.localAddress().getPort());

            int status = background.callWhile(serving, () -> Client.run(
                    new String[] {"--host=" + Ipv6.LOOPBACK, "--port=" + port}, keyboard, out.printStream(), err.printStream()));

            assertThat(status).isZero();
            assertThat(err.lines()).isEmpty();
            assertThat(out.lines()).first().asString().matches("connected to server! \\[::1\\]:\\d+ -> \\[::1\\]:" + port);
            assertThat(out.lines()).containsSubsequence("hello", "über IPv6", "disconnected from server");
        }
    }
}
