package tcpcourse.lesson05;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.CapturedOutput;
import tcpcourse.testkit.Ipv6;

/** Lesson 5's server, relay and client over IPv6 loopback, {@code --host=::1}. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class Ipv6LoopbackTest {

    @Test
    void framesCrossTheRelayToTheServerAndBackOnIpv6Loopback() throws Exception {
        Ipv6.assumeLoopback();
        var out = new CapturedOutput();
        var err = new CapturedOutput();
        try (var background = new Background();
                var server = Server.listen(Ipv6.LOOPBACK, 0, LengthPrefix.DEFAULT_MAXIMUM, new CapturedOutput().printStream());
                var relay = Relay.listen(Ipv6.LOOPBACK, 0, server.localAddress(), 3, new CapturedOutput().printStream())) {
            background.run(server::serve);
            var relaying = background.run(relay::serve);
            String port = String.valueOf(relay.localAddress().getPort());

            int status = background.callWhile(relaying, () -> Client.run(
                    new String[] {"--host=" + Ipv6.LOOPBACK, "--port=" + port, "--count=3"}, out.printStream(), err.printStream()));

            assertThat(err.lines()).isEmpty();
            assertThat(status).isZero();
            assertThat(out.lines()).last().isEqualTo("all 3 frames came back unchanged");
        }
    }
}
