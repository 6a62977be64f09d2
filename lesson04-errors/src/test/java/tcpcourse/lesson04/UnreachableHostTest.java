package tcpcourse.lesson04;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * EHOSTUNREACH, for real: a network namespace of our own, where the route to 10.99.0.0/16 is
 * marked unreachable, so the connect fails before any packet is sent. Creating a namespace needs
 * root and iproute2; elsewhere this test is skipped, saying why.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UnreachableHostTest {

    private static final Path IP = Path.of("/usr/sbin/ip");

    @Test
    void aHostWithNoRouteIsUnreachable() throws Exception {
        assumeTrue(Files.isExecutable(IP), "skipped: no /usr/sbin/ip (Debian's iproute2) to make a network namespace");
        assumeTrue("root".equals(System.getProperty("user.name")), "skipped: making a network namespace needs root");
        // A name of our own, so that two builds at once do not share a namespace.
        String namespace = "tcpcourse-" + UUID.randomUUID().toString().substring(0, 8);
        assumeTrue(run("netns", "add", namespace) == 0, "skipped: cannot create a network namespace here");
        try {
            assertThat(run("netns", "exec", namespace, IP.toString(), "link", "set", "lo", "up")).isZero();
            assertThat(run("netns", "exec", namespace, IP.toString(), "route", "add", "unreachable", "10.99.0.0/16")).isZero();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

            var output = new ProcessBuilder(IP.toString(), "netns", "exec", namespace, java,
                    "-cp", System.getProperty("java.class.path"), ConnectProbe.class.getName(), "10.99.0.1", "9")
                    .redirectErrorStream(true).start();
            assertThat(output.waitFor(20, TimeUnit.SECONDS)).isTrue();
            List<String> lines = new String(output.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();

            assertThat(lines).last().asString().startsWith("EHOSTUNREACH|java.net.NoRouteToHostException|");
        } finally {
            run("netns", "delete", namespace);
        }
    }

    private static int run(String... arguments) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<String>();
        command.add(IP.toString());
        command.addAll(List.of(arguments));
        var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return process.waitFor(10, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }
}
