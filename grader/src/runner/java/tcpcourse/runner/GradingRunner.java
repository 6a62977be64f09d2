package tcpcourse.runner;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import tcpcourse.testkit.grading.Feedback;

/**
 * Runs grading tests in this JVM and reports each event to the grader that started it, one line
 * per event, flushed at once: when the code under test hangs or ends the JVM, the grader still
 * knows which test was running.
 *
 * <p>Usage: {@code GradingRunner --channel|--results=FILE CLASS#METHOD ...}. With
 * {@code --channel} the lines go to the grader's results channel, which exercise code cannot
 * write; a file is for trying tests by hand. The lines are tab-separated:
 * {@code started CLASS METHOD}, then {@code passed CLASS METHOD},
 * {@code failed CLASS METHOD MESSAGE} or {@code skipped CLASS METHOD REASON};
 * {@code class-failed CLASS - MESSAGE} when a class fails as a whole; {@code done} at the end.
 */
public final class GradingRunner {

    private GradingRunner() {}

    /** Runs the tests, then ends the JVM even if the code under test left threads running. */
    public static void main(String[] args) throws Exception {
        if (args.length < 2 || !(args[0].equals("--channel") || args[0].startsWith("--results="))) {
            System.err.println("usage: GradingRunner --channel|--results=FILE CLASS#METHOD ...");
            System.exit(1);
        }
        // Taken first, before JUnit loads any test or exercise class.
        OutputStream stream = args[0].equals("--channel")
                ? tcpcourse.channel.ResultsChannel.open()
                : Files.newOutputStream(Path.of(args[0].substring("--results=".length())));
        var results = new PrintWriter(new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
        List<DiscoverySelector> selectors = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String[] classAndMethod = args[i].split("#", 2);
            selectors.add(selectMethod(classAndMethod[0], classAndMethod[1]));
        }
        var request = LauncherDiscoveryRequestBuilder.request().selectors(selectors).build();
        LauncherFactory.create().execute(request, new ResultWriter(results));
        results.println("done");
        results.flush();
        // A submission's leftover non-daemon threads would keep the JVM alive: end it here.
        Runtime.getRuntime().halt(0);
    }

    /** Writes one line per test event. */
    private static final class ResultWriter implements TestExecutionListener {

        private final PrintWriter results;

        ResultWriter(PrintWriter results) {
            this.results = results;
        }

        @Override
        public void executionStarted(TestIdentifier test) {
            method(test).ifPresent(method -> results.println("started\t" + method));
        }

        @Override
        public void executionSkipped(TestIdentifier test, String reason) {
            method(test).ifPresent(method -> results.println("skipped\t" + method + "\t" + Feedback.oneLine(reason)));
        }

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            var method = method(test);
            if (method.isEmpty()) {
                // A failure of a class as a whole (in @BeforeAll, say) fails the tests it did not run.
                var source = test.getSource().filter(ClassSource.class::isInstance).map(ClassSource.class::cast);
                if (source.isPresent()) {
                    result.getThrowable().ifPresent(failure -> results.println("class-failed\t"
                            + source.get().getClassName() + "\t-\t" + Feedback.failure(failure)));
                }
                return;
            }
            switch (result.getStatus()) {
                case SUCCESSFUL -> results.println("passed\t" + method.get());
                case FAILED, ABORTED -> results.println("failed\t" + method.get() + "\t"
                        + result.getThrowable().map(Feedback::failure).orElse("failed"));
            }
        }

        /** "CLASS\tMETHOD" of a test method. */
        private static Optional<String> method(TestIdentifier test) {
            return test.getSource()
                    .filter(MethodSource.class::isInstance)
                    .map(MethodSource.class::cast)
                    .map(source -> source.getClassName() + "\t" + source.getMethodName());
        }
    }
}
