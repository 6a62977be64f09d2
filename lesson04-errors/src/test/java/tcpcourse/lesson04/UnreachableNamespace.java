package tcpcourse.lesson04;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace of the test's own, where the route to 10.99.0.0/16 is marked unreachable:
 * a connect to {@link #HOST} there fails with EHOSTUNREACH before any packet is sent. The
 * namespace has loopback and no other interface, so nothing a program does in it leaves it.
 * Making one needs root and iproute2's {@code ip}.
 */
final class UnreachableNamespace {

    /** An address in the unreachable network: no packet is ever sent to it. */
    static final String HOST = "10.99.0.1";

    /** The network whose route the namespace marks unreachable; the lesson page names it. */
    static final String NETWORK = "10.99.0.0/16";
    private static final Path IP = Path.of("/usr/sbin/ip");
    private static final long BOUND_SECONDS = 10;

    private UnreachableNamespace() {}

    /** The test's body, given the command that runs a program inside the namespace. */
    @FunctionalInterface
    interface Body<T> {
        T run(List<String> inNamespace) throws Exception;
    }

    /** What {@code ip} printed, and its exit status. */
    private record Ran(int status, String output) {
        boolean succeeded() {
            return status == 0;
        }
    }

    /**
     * Why this machine cannot make a network namespace ("the tests do not run as root"), or empty
     * if it can. Blocks while it makes one to find out, and deletes it.
     */
    static Optional<String> whyNot() throws IOException, InterruptedException {
        Optional<String> cannotTry = cannotTry();
        if (cannotTry.isPresent()) {
            return cannotTry;
        }
        String name = uniqueName();
        try {
            Ran added = ip("netns", "add", name);
            return added.succeeded() ? Optional.empty() : Optional.of(refused(added));
        } finally {
            delete(name);
        }
    }

    /**
     * Makes a namespace with a name of its own (two builds at once each have theirs), runs
     * {@code body} with the command that runs a program inside it, and deletes it, whatever
     * {@code body} did. Skips the calling test, saying why, where this machine cannot make one.
     */
    static <T> T withNamespace(Body<T> body) throws Exception {
        Optional<String> cannotTry = cannotTry();
        if (cannotTry.isPresent()) {
            abort(skipped(cannotTry.get()));
        }
        String name = uniqueName();
        try {
            Ran added = ip("netns", "add", name);
            if (!added.succeeded()) {
                abort(skipped(refused(added)));
            }
            List<String> inNamespace = List.of(IP.toString(), "netns", "exec", name);
            assertThat(ipInside(inNamespace, "link", "set", "lo", "up").succeeded()).isTrue();
            assertThat(ipInside(inNamespace, "route", "add", "unreachable", NETWORK).succeeded()).isTrue();
            // Only loopback: whatever runs inside has no interface to send a packet out of.
            assertThat(ipInside(inNamespace, "-o", "link", "show").output().lines())
                    .singleElement().asString().contains(": lo:");
            return body.run(inNamespace);
        } finally {
            delete(name);
        }
    }

    private static Optional<String> cannotTry() {
        if (!Files.isExecutable(IP)) {
            return Optional.of("there is no " + IP + " (iproute2)");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of("the tests do not run as root");
        }
        return Optional.empty();
    }

    private static String uniqueName() {
        return "tcpcourse-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String refused(Ran added) {
        return "the system refused one, as ip netns add said: " + added.output().strip().lines().findFirst().orElse("nothing");
    }

    /** The message of a test skipped for {@code whyNot}. */
    static String skipped(String whyNot) {
        return "skipped, as this machine cannot make a network namespace: " + whyNot;
    }

    /**
     * Deletes the namespace, also after a failed or unfinished {@code ip netns add}, in case it
     * left one, and checks that it is gone.
     */
    private static void delete(String name) throws IOException, InterruptedException {
        ip("netns", "delete", name);
        assertThat(ip("netns", "list").output().lines()).as("namespaces left after deleting %s", name)
                .noneMatch(namespace -> namespace.split(" ")[0].equals(name));
    }

    private static Ran ip(String... arguments) throws IOException, InterruptedException {
        return run(List.of(), arguments);
    }

    private static Ran ipInside(List<String> inNamespace, String... arguments) throws IOException, InterruptedException {
        return run(inNamespace, arguments);
    }

    /** Runs {@code ip arguments...}, through {@code launcher} if it is not empty, within a bound. */
    private static Ran run(List<String> launcher, String... arguments) throws IOException, InterruptedException {
        var command = new ArrayList<>(launcher);
        command.add(IP.toString());
        command.addAll(List.of(arguments));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end within " + BOUND_SECONDS + " s");
        }
        return new Ran(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
