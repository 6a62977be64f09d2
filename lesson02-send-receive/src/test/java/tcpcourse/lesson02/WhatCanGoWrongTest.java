package tcpcourse.lesson02;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.common.Endpoints;
import tcpcourse.testkit.CapturedOutput;
import tcpcourse.testkit.Loopback;
import tcpcourse.testkit.Transcripts;

/** Records, for the page's "What can go wrong", the line the client really prints when nothing listens. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class WhatCanGoWrongTest {

    @Test
    void recordsTheLineForARefusedConnection() throws Throwable {
        var facts = new LinkedHashMap<String, Object>();
        Loopback.withRefusingPort(refusing -> {
            var err = new CapturedOutput();
            int status = Client.run(new String[] {"--port=" + refusing.getPort()}, new ByteArrayInputStream(new byte[0]),
                    new CapturedOutput().printStream(), err.printStream());
            assertThat(status).isEqualTo(2);
            facts.put("refused-line", err.lines().get(0).replace(":" + refusing.getPort(), ":" + Endpoints.DEFAULT_PORT));
        });
        Transcripts.attributes("what-can-go-wrong.adoc", facts);
    }
}
