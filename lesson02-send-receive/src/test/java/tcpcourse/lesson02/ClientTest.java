package tcpcourse.lesson02;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.CapturedOutput;
import tcpcourse.testkit.Loopback;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ClientTest {

    @Test
    void sendsEachLineFromAPipeAndPrintsWhatComesBack() throws Exception {
        var log = new CapturedOutput();
        var out = new CapturedOutput();
        var err = new CapturedOutput();
        var keyboard = new ByteArrayInputStream("one\nzwei drei\nquatre €\n".getBytes(UTF_8));
        try (var background = new Background(); var server = Server.listen("127.0.0.1", 0, log.printStream())) {
            var serving = background.run(server::serve);
            String port = String.valueOf(server.localAddress().getPort());

            int status = background.callWhile(serving,
                    () -> Client.run(new String[] {"--port=" + port}, keyboard, out.printStream(), err.printStream()));

            assertThat(status).isZero();
            assertThat(err.lines()).isEmpty();
            assertThat(out.lines()).first().asString().startsWith("connected to server! 127.0.0.1:");
            assertThat(out.lines()).containsSubsequence(
                    "hello", "one", "zwei drei", "quatre €", "server ended the connection", "disconnected from server");
        }
    }

    @Test
    void endsWhenTheServerEndsFirstThoughTheKeyboardIsStillOpen() throws Exception {
        var out = new CapturedOutput();
        var err = new CapturedOutput();
        // A keyboard nobody types on: it never ends while the test runs.
        try (var typing = new PipedOutputStream(); var keyboard = new PipedInputStream(typing);
                var background = new Background(); var listener = Loopback.listen()) {
            var server = background.run(() -> {
                try (var connection = listener.accept()) {
                    connection.getOutputStream().write("bye\r\n".getBytes(UTF_8));
                }
            });
            String port = String.valueOf(listener.getLocalPort());

            int status = background.callWhile(server,
                    () -> Client.run(new String[] {"--port=" + port}, keyboard, out.printStream(), err.printStream()));

            assertThat(status).isZero();
            assertThat(err.lines()).isEmpty();
            assertThat(out.lines()).containsSubsequence("bye", "server ended the connection", "disconnected from server");
        }
    }

    @Test
    void saysInOneLineThatTheConnectionWasRefused() throws Throwable {
        Loopback.withRefusingPort(refusing -> {
            var out = new CapturedOutput();
            var err = new CapturedOutput();

            int status = Client.run(new String[] {"--port=" + refusing.getPort()},
                    new ByteArrayInputStream(new byte[0]), out.printStream(), err.printStream());

            assertThat(status).isEqualTo(2);
            assertThat(err.lines()).containsExactly(
                    "cannot connect to 127.0.0.1:" + refusing.getPort() + ": connection refused. Is the server running?");
        });
    }

    @Test
    void rejectsAnUnknownOptionWithItsUsage() throws Exception {
        var err = new CapturedOutput();

        int status = Client.run(new String[] {"--prot=1"}, new ByteArrayInputStream(new byte[0]),
                new CapturedOutput().printStream(), err.printStream());

        assertThat(status).isEqualTo(1);
        assertThat(err.lines()).containsExactly(
                "unknown argument '--prot=1'; usage: Client [--host=127.0.0.1] [--port=8124]");
    }
}
