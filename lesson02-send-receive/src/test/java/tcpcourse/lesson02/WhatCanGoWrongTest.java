package tcpcourse.lesson02;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.common.Endpoints;
import tcpcourse.testkit.CapturedOutput;
import tcpcourse.testkit.Loopback;
import tcpcourse.testkit.Transcripts;

/**
 * Records, for the page's "What can go wrong", the line the client really prints when nothing
 * listens, and how a write fails once the server has gone.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class WhatCanGoWrongTest {

    @Test
    void recordsTheLineForARefusedConnectionAndTheFailureOfAWriteAfterTheServerEnded() throws Throwable {
        var facts = new LinkedHashMap<String, Object>();
        Loopback.withConnectedPair((client, server) -> {
            server.close();

            // The first write is accepted, as the page says, and the server's system answers it
            // with a reset; a later write fails. Write until one does, within a bound.
            assertThat(writeFailure(client)).as("the first write after the server closed").isEmpty();
            IOException failure = await().atMost(Duration.ofSeconds(10))
                    .until(() -> writeFailure(client), Optional::isPresent).orElseThrow();

            assertThat(failure).isInstanceOf(SocketException.class);
            facts.put("gone-write-message", failure.getMessage());
        });
        Loopback.withRefusingPort(refusing -> {
            var err = new CapturedOutput();
            int status = Client.run(new String[] {"--port=" + refusing.getPort()}, new ByteArrayInputStream(new byte[0]),
                    new CapturedOutput().printStream(), err.printStream());
            assertThat(status).isEqualTo(2);
            facts.put("refused-line", err.lines().get(0).replace(":" + refusing.getPort(), ":" + Endpoints.DEFAULT_PORT));
        });
        Transcripts.attributes("what-can-go-wrong.adoc", facts);
    }

    /** Writes a line; the exception if the write failed, or empty if it was accepted. */
    private static Optional<IOException> writeFailure(Socket connection) {
        try {
            connection.getOutputStream().write("one\n".getBytes(StandardCharsets.UTF_8));
            return Optional.empty();
        } catch (IOException failed) {
            return Optional.of(failed);
        }
    }
}
