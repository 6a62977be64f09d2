package tcpcourse.testkit.grading;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the grading tests of one exercise in this JVM and writes one line per event to a file,
 * for the grader that started this JVM.
 *
 * <p>Usage: {@code GradingRunner <test class> <results file> [method,...]}: all the class's
 * tests, or only the methods named (the grader re-runs the tests that a crash left unrun). The lines are tab-separated:
 * {@code started <method>} when a test starts, then {@code passed <method>},
 * {@code failed <method> <message>} or {@code skipped <method> <reason>}, and {@code done} at
 * the end. Each line is flushed at once, so when the exercise under test kills or hangs this
 * JVM, the grader still knows which test was running.
 */
public final class GradingRunner {

    private GradingRunner() {}

    /** Runs the tests, then ends the JVM even if the code under test left threads running. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: GradingRunner <test class> <results file> [method,...]");
            System.exit(1);
        }
        try (var results = new PrintWriter(Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8), true)) {
            List<DiscoverySelector> selectors = args.length == 3
                    ? Arrays.stream(args[2].split(",")).<DiscoverySelector>map(method -> selectMethod(args[0], method)).toList()
                    : List.of(selectClass(args[0]));
            var request = LauncherDiscoveryRequestBuilder.request().selectors(selectors).build();
            LauncherFactory.create().execute(request, new ResultWriter(results));
            results.println("done");
        }
        // A submission's leftover non-daemon threads would keep the JVM alive: end it here.
        System.exit(0);
    }

    /** Writes one line per test event. */
    private static final class ResultWriter implements TestExecutionListener {

        private final PrintWriter results;

        ResultWriter(PrintWriter results) {
            this.results = results;
        }

        @Override
        public void executionStarted(TestIdentifier test) {
            methodName(test).ifPresent(method -> results.println("started\t" + method));
        }

        @Override
        public void executionSkipped(TestIdentifier test, String reason) {
            methodName(test).ifPresent(method -> results.println("skipped\t" + method + "\t" + oneLine(reason)));
        }

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            var method = methodName(test);
            if (method.isEmpty()) {
                // A failure of the class itself (for example in @BeforeAll) fails all its tests.
                result.getThrowable().ifPresent(failure ->
                        results.println("class-failed\t-\t" + oneLine(describe(failure))));
                return;
            }
            switch (result.getStatus()) {
                case SUCCESSFUL -> results.println("passed\t" + method.get());
                case FAILED, ABORTED -> results.println("failed\t" + method.get() + "\t"
                        + oneLine(result.getThrowable().map(GradingRunner::describe).orElse("failed")));
            }
        }

        private static Optional<String> methodName(TestIdentifier test) {
            return test.getSource()
                    .filter(MethodSource.class::isInstance)
                    .map(source -> ((MethodSource) source).getMethodName());
        }
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static String oneLine(String text) {
        // AssertJ puts the stack trace of an unexpected exception in its message: keep the words.
        String flat = text.split("\\s+at [\\w.$]+\\(", 2)[0].replaceAll("\\s+", " ").strip();
        return flat.length() > 500 ? flat.substring(0, 500) + " ..." : flat;
    }
}
