package tcpcourse.lesson04;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.CapturedOutput;
import tcpcourse.testkit.Ipv6;

/** Lesson 4's server and client over IPv6 loopback, {@code --host=::1}: a conversation and a reset. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class Ipv6LoopbackTest {

    private static int talk(Server.Mode mode, CapturedOutput out, CapturedOutput err) throws Exception {
        try (var background = new Background();
                var server = Server.listen(Ipv6.LOOPBACK, 0, mode, new CapturedOutput().printStream())) {
            var serving = background.run(server::serve);
            String port = String.valueOf(server.localAddress().getPort());
            return background.callWhile(serving, () -> Client.run(
                    new String[] {"--host=" + Ipv6.LOOPBACK, "--port=" + port, "--retries=0"}, delay -> { },
                    out.printStream(), err.printStream()));
        }
    }

    @Test
    void theClientTalksToTheServerAndReportsItsResetOnIpv6Loopback() throws Exception {
        Ipv6.assumeLoopback();
        var out = new CapturedOutput();
        var err = new CapturedOutput();
        assertThat(talk(Server.Mode.ECHO, out, err)).isZero();
        assertThat(err.lines()).isEmpty();
        assertThat(out.lines()).first().asString().startsWith("connected to server! [::1]:");

        var resetErr = new CapturedOutput();
        assertThat(talk(Server.Mode.RESET, new CapturedOutput(), resetErr)).isEqualTo(2);
        assertThat(resetErr.lines()).singleElement().asString().contains("[::1]:", "ECONNRESET");
    }
}
