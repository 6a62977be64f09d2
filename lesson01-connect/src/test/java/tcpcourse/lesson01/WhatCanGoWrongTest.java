package tcpcourse.lesson01;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.common.Endpoints;
import tcpcourse.testkit.CapturedOutput;
import tcpcourse.testkit.Loopback;
import tcpcourse.testkit.Transcripts;

/**
 * Records, for the page's "What can go wrong", the lines the programs really print when nothing
 * listens and when the port is taken, with the port the test used shown as the default one.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class WhatCanGoWrongTest {

    @Test
    void recordsTheLinesForARefusedConnectionAndATakenPort() throws Throwable {
        var facts = new LinkedHashMap<String, Object>();
        Loopback.withRefusingPort(refusing -> {
            var err = new CapturedOutput();
            int status = Client.run(new String[] {"--port=" + refusing.getPort()}, new CapturedOutput().printStream(),
                    err.printStream());
            assertThat(status).isEqualTo(2);
            facts.put("refused-line", shownWithDefaultPort(err.lines().get(0), refusing.getPort()));
            facts.put("refused-status", status);
        });
        try (var taken = Loopback.listen()) {
            var err = new CapturedOutput();
            int status = Server.run(new String[] {"--port=" + taken.getLocalPort()}, new CapturedOutput().printStream(),
                    err.printStream());
            assertThat(status).isEqualTo(2);
            assertThat(err.lines()).hasSize(1);
            facts.put("taken-line", shownWithDefaultPort(err.lines().get(0), taken.getLocalPort()));
            facts.put("taken-status", status);
        }
        Transcripts.attributes("what-can-go-wrong.adoc", facts);
    }

    static String shownWithDefaultPort(String line, int port) {
        return line.replace(":" + port, ":" + Endpoints.DEFAULT_PORT);
    }
}
