package tcpcourse.lesson01;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.CapturedOutput;
import tcpcourse.testkit.Loopback;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class CallbackClientTest {

    private final CapturedOutput out = new CapturedOutput();
    private final CapturedOutput err = new CapturedOutput();

    @Test
    void printsTheWholeConversation() throws Exception {
        try (var background = new Background();
                var server = Server.listen("127.0.0.1", 0, new CapturedOutput().printStream(),
                        new CapturedOutput().printStream())) {
            background.run(server::serve);
            int port = server.localAddress().getPort();

            int status = CallbackClient.run(new String[] {"--port=" + port}, out.printStream(), err.printStream());

            assertThat(status).isZero();
            assertThat(out.lines()).hasSize(4);
            assertThat(out.lines().get(0)).matches("connected to server! 127\\.0\\.0\\.1:\\d+ -> 127\\.0\\.0\\.1:" + port);
            assertThat(out.lines().subList(1, 4)).containsExactly("hello", "world!", "disconnected from server");
        }
    }

    @Test
    void explainsARefusedConnectionInOneLine() throws Throwable {
        Loopback.withRefusingPort(refusing -> {
            int status = CallbackClient.run(new String[] {"--port=" + refusing.getPort()}, out.printStream(), err.printStream());

            assertThat(status).isEqualTo(2);
            assertThat(err.lines()).containsExactly(
                    "cannot connect to 127.0.0.1:" + refusing.getPort() + ": connection refused. Is the server running?");
        });
    }
}
