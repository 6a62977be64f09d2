package tcpcourse.lesson03;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Background;
import tcpcourse.testkit.CapturedOutput;
import tcpcourse.testkit.Loopback;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ClientTest {

    @Test
    void endsItsSideAndReadsTheAnswerThatFollows() throws Exception {
        var log = new CapturedOutput();
        var out = new CapturedOutput();
        var err = new CapturedOutput();
        try (var background = new Background(); var server = Server.listen("127.0.0.1", 0, log.printStream())) {
            var serving = background.run(server::serve);
            String port = String.valueOf(server.localAddress().getPort());

            int status = background.callWhile(serving, () -> Client.run(
                    new String[] {"--port=" + port, "--message=ça va?"}, out.printStream(), err.printStream()));

            assertThat(status).isZero();
            assertThat(err.lines()).isEmpty();
            // "ça va?\r\n" is 9 bytes in UTF-8 (ç takes two), "goodbye!\r\n" 10.
            assertThat(out.lines()).containsSubsequence("hello", "received 19 bytes, goodbye",
                    "server ended the connection", "disconnected from server");
        }
    }

    @Test
    void saysInOneLineThatTheConnectionWasRefused() throws Throwable {
        Loopback.withRefusingPort(refusing -> {
            var err = new CapturedOutput();

            int status = Client.run(new String[] {"--port=" + refusing.getPort()},
                    new CapturedOutput().printStream(), err.printStream());

            assertThat(status).isEqualTo(2);
            assertThat(err.lines()).containsExactly(
                    "cannot connect to 127.0.0.1:" + refusing.getPort() + ": connection refused. Is the server running?");
        });
    }
}
