package tcpcourse.lesson05;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.StandardSocketOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.concurrent.TimeUnit;
import jdk.net.ExtendedSocketOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tcpcourse.testkit.Loopback;
import tcpcourse.testkit.Transcripts;

/**
 * TCP's own heartbeat, as the lesson's page describes it: the system's idle time before the first
 * probe (on Linux, {@code net.ipv4.tcp_keepalive_time}), which a program on Java 11 or later can
 * shorten for one socket. Records the build machine's setting for the page.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class KeepaliveTest {

    private static final Path KEEPALIVE_TIME = Path.of("/proc/sys/net/ipv4/tcp_keepalive_time");

    @Test
    void aSocketCanShortenTheSystemsIdleTimeBeforeTheFirstKeepaliveProbe() throws Exception {
        Loopback.withConnectedPair((client, server) -> {
            // given
            // Lines, not readString: a /proc/sys file says its size is 0, and readString then gets only its first byte.
            long systemSeconds = Long.parseLong(Files.readAllLines(KEEPALIVE_TIME, UTF_8).get(0).strip());
            client.setKeepAlive(true);

            // when
            int before = client.getOption(ExtendedSocketOptions.TCP_KEEPIDLE);
            client.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, 60);

            // then
            assertThat(client.getOption(StandardSocketOptions.SO_KEEPALIVE)).isTrue();
            assertThat((long) before).as("a socket's idle time before it is set: the system's").isEqualTo(systemSeconds);
            assertThat(client.getOption(ExtendedSocketOptions.TCP_KEEPIDLE)).isEqualTo(60);
            var facts = new LinkedHashMap<String, Object>();
            facts.put("keepalive-system-seconds", String.format(java.util.Locale.ROOT, "%,d", systemSeconds));
            facts.put("keepalive-system-hours", systemSeconds % 3600 == 0 ? String.valueOf(systemSeconds / 3600)
                    : String.format(java.util.Locale.ROOT, "%.1f", systemSeconds / 3600.0));
            Transcripts.attributes("keepalive.adoc", facts);
        });
    }
}
