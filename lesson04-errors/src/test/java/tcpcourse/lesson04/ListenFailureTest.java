package tcpcourse.lesson04;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server told to listen on an address that is not one of its machine's: the system refuses the
 * bind, and the server says so in one line that points at --host, not at another server. It runs
 * in a network namespace of the test's own ({@link UnreachableNamespace}), which has loopback and
 * nothing else, so that no address of the real machine is involved; elsewhere it is skipped.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ListenFailureTest {

    private static final long BOUND_SECONDS = 20;

    @Test
    void saysTheHostIsNotAnAddressOfThisMachineWhenItCannotBeBound() throws Exception {
        // given: a host of the namespace's unreachable network, which no interface there has
        String host = UnreachableNamespace.HOST;

        // when
        List<String> output = UnreachableNamespace.withNamespace(inNamespace -> runServer(inNamespace,
                "--host=" + host, "--port=0"));

        // then
        assertThat(output).containsExactly("exit status 2", "cannot listen on " + host
                + ":0: Cannot assign requested address. Is " + host + " an address of this machine? Try --host=127.0.0.1");
    }

    /** Runs lesson 4's server in the namespace: its exit status, then what it printed. */
    private static List<String> runServer(List<String> inNamespace, String... args) throws Exception {
        var command = new ArrayList<>(inNamespace);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Server.class.getName()));
        command.addAll(List.of(args));
        var server = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            assertThat(server.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)).as("the server ended").isTrue();
            var output = new ArrayList<>(List.of("exit status " + server.exitValue()));
            output.addAll(new String(server.getInputStream().readAllBytes(), UTF_8).lines().toList());
            return output;
        } finally {
            server.destroyForcibly();
        }
    }
}
