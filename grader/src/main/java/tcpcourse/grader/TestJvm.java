package tcpcourse.grader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one exercise's grading tests in a JVM of its own, bounded from outside: whatever the
 * exercise does (loop, hang, leave threads behind, call {@code System.exit}), this JVM ends
 * within the limit and the grader reads what the runner had written by then.
 */
final class TestJvm {

    private static final String RUNNER = "tcpcourse.testkit.grading.GradingRunner";

    /**
     * What the test JVM left behind.
     *
     * @param exitCode the JVM's exit status, or -1 if the grader had to kill it
     * @param lines the runner's result lines, in order
     */
    record Outcome(int exitCode, boolean killed, List<String> lines, Duration limit) {}

    private TestJvm() {}

    static Outcome run(List<Path> classPath, String testClass, List<String> methods, Path workingDirectory, Path hostsFile,
            Path resultsFile, Path logFile, Duration limit) throws IOException, InterruptedException {
        Files.createDirectories(resultsFile.getParent());
        Files.deleteIfExists(resultsFile);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<>(List.of(java,
                // Names resolve from the course's hosts file only: no DNS query leaves the machine.
                "-Djdk.net.hosts.file=" + hostsFile,
                "-Xmx256m",
                "-cp", ClassPath.join(classPath),
                RUNNER, testClass, resultsFile.toString(), String.join(",", methods)));
        var process = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .start();
        boolean finished = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            // destroyForcibly ends the JVM whatever its threads do; an interrupt would not stop a busy loop.
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        var lines = Files.exists(resultsFile) ? Files.readAllLines(resultsFile, StandardCharsets.UTF_8) : List.<String>of();
        return new Outcome(finished ? process.exitValue() : -1, !finished, lines, limit);
    }
}
