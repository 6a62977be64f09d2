package tcpcourse.lesson01;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.CapturedOutput;
import tcpcourse.testkit.Loopback;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ClientTest {

    private final CapturedOutput out = new CapturedOutput();
    private final CapturedOutput err = new CapturedOutput();

    @Test
    void printsTheWholeConversation() throws Exception {
        try (var background = new Background();
                var server = Server.listen("127.0.0.1", 0, new CapturedOutput().printStream(),
                        new CapturedOutput().printStream())) {
            background.run(server::serve);
            int port = server.localAddress().getPort();

            int status = Client.run(new String[] {"--port=" + port}, out.printStream(), err.printStream());

            assertThat(status).isZero();
            assertThat(out.lines()).hasSize(4);
            assertThat(out.lines().get(0)).matches("connected to server! 127\\.0\\.0\\.1:\\d+ -> 127\\.0\\.0\\.1:" + port);
            assertThat(out.lines().subList(1, 4)).containsExactly("hello", "world!", "disconnected from server");
            assertThat(err.lines()).isEmpty();
        }
    }

    @Test
    void explainsARefusedConnectionInOneLine() throws Throwable {
        Loopback.withRefusingPort(refusing -> {
            int status = Client.run(new String[] {"--port=" + refusing.getPort()}, out.printStream(), err.printStream());

            assertThat(status).isEqualTo(2);
            assertThat(err.lines()).containsExactly(
                    "cannot connect to 127.0.0.1:" + refusing.getPort() + ": connection refused. Is the server running?");
        });
    }

    @Test
    void explainsAnUnknownHostInOneLine() {
        // The tests resolve names from testkit/hosts only (jdk.net.hosts.file), so this asks no DNS server.
        int status = Client.run(new String[] {"--host=no-such-host.invalid"}, out.printStream(), err.printStream());

        assertThat(status).isEqualTo(2);
        assertThat(err.lines()).containsExactly(
                "cannot connect to no-such-host.invalid:8124: unknown host. Check the name, or try --host=127.0.0.1");
    }

    @Test
    void reportsAServerThatEndsBeforeAnswering() throws Exception {
        try (var background = new Background(); var listener = Loopback.listen()) {
            background.run(() -> listener.accept().close());
            int port = listener.getLocalPort();

            int status = Client.run(new String[] {"--port=" + port}, out.printStream(), err.printStream());

            assertThat(status).isEqualTo(2);
            assertThat(err.lines()).containsExactly("connection to 127.0.0.1:" + port
                    + " failed: " + new EOFException("the server ended the connection after 0 of 2 lines").getMessage());
        }
    }

    @Test
    void explainsAFailureThatCameWithoutAMessage() {
        String line = tcpcourse.common.Endpoints.whyCannotConnect("127.0.0.1", 8124, new java.net.ConnectException());

        assertThat(line).isEqualTo("cannot connect to 127.0.0.1:8124: connection failed. Is the server running?");
    }
}
