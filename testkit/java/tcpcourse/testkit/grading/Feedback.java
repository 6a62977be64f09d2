package tcpcourse.testkit.grading;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The points and the words of grading, in one place: the grader's reports and the student's check
 * ({@code ./mvnw -q test -Pstudent}) both use these, so a student reads, before handing in, what
 * the instructor will read after.
 *
 * <p>This class uses the JDK only: the grader compiles it into itself as well.
 */
public final class Feedback {

    /** What an exercise whose every test met its stub's "not written yet" pointer is. */
    public static final String NOT_STARTED = "not started";

    /** A stub's pointer: {@code Exercise 1.1: implement connect, see lesson 1 "Exercise 1.1: ..."}. */
    private static final Pattern STUB_POINTER = Pattern.compile(
            "Exercise (\\d+\\.\\d+): implement \\w+, (see lesson \\d+ \"[^\"]*\")");

    /** The longest message kept of one failure. */
    private static final int MESSAGE_LIMIT = 600;

    private Feedback() {}

    /** What happened to one grading test: {@code message} says why it did not pass, in one line. */
    public record Outcome(String method, boolean passed, String message) {}

    /**
     * The points for passing every test of an exercise: 60 % of the exercise's points. An exercise
     * that is wrong in any way is not done, so a wrong solution keeps at most the other 40 %, test
     * by test; the tests say where it went wrong.
     *
     * @param testPoints the points of the exercise's grading tests, added up
     */
    public static int completionPoints(int testPoints) {
        return (testPoints * 3 + 1) / 2;
    }

    /**
     * What went wrong, in the test's own words, in one line: an assertion's message, or the
     * exception. When the failure came from a stub's "not written yet" pointer that the message
     * does not quote, the pointer is added.
     */
    public static String failure(Throwable failure) {
        String described = describe(failure);
        String pointer = pointerIn(failure);
        if (pointer != null && !described.contains(pointer)) {
            described = described + " (" + pointer + ")";
        }
        return oneLine(described);
    }

    /** {@code text} in one line of at most 600 characters, without the stack trace AssertJ puts in some messages. */
    public static String oneLine(String text) {
        String flat = text.split("\\s+at [\\w.$]+\\(", 2)[0].replaceAll("\\s+", " ").strip();
        return flat.length() > MESSAGE_LIMIT ? flat.substring(0, MESSAGE_LIMIT) + " ..." : flat;
    }

    /**
     * What happened to an exercise, in one plain line: "passed: all 8 tests"; "not started: see
     * lesson 1 ..." when every test failed on the stub's pointer; the first problem (a test that
     * hung or crashed its JVM); or how many tests failed and the first failure.
     *
     * @param id the exercise's id, for example "1.1"
     * @param tests the outcomes of its grading tests, in the order of their names
     * @param problems what went wrong beyond a failed test, first first; may be empty
     */
    public static String summary(String id, List<Outcome> tests, List<String> problems) {
        long passed = tests.stream().filter(Outcome::passed).count();
        if (passed == tests.size()) {
            return "passed: all " + tests.size() + " tests";
        }
        if (!problems.isEmpty()) {
            return problems.get(0) + (passed > 0 ? "; " + passed + " of " + tests.size() + " tests passed" : "");
        }
        var whereToRead = notStarted(id, tests);
        if (whereToRead.isPresent()) {
            return NOT_STARTED + ": " + whereToRead.get();
        }
        var firstFailure = tests.stream().filter(test -> !test.passed()).findFirst().orElseThrow();
        return (tests.size() - passed) + " of " + tests.size() + " tests failed; first, " + firstFailure.method()
                + ": " + firstFailure.message();
    }

    /**
     * Where to read, when every test of exercise {@code id} failed on its stub's pointer
     * (the exercise is not written yet): for example {@code see lesson 1 "Exercise 1.1: ..."}.
     */
    static Optional<String> notStarted(String id, List<Outcome> tests) {
        String whereToRead = null;
        for (var test : tests) {
            if (test.passed()) {
                return Optional.empty();
            }
            Matcher pointer = STUB_POINTER.matcher(test.message());
            boolean found = false;
            while (pointer.find()) {
                if (pointer.group(1).equals(id)) {
                    found = true;
                    whereToRead = whereToRead == null ? pointer.group(2) : whereToRead;
                }
            }
            if (!found) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(whereToRead);
    }

    /** The heading of a lesson's lines: {@code Lesson 1 (lesson01-connect)}. */
    public static String lessonHeading(int lesson, String module) {
        return String.format(Locale.ROOT, "Lesson %d (%s)", lesson, module);
    }

    /** One exercise's line: id, title, points earned of its points, and its summary. */
    public static String exerciseLine(String id, String title, int score, int maxPoints, String summary) {
        return String.format(Locale.ROOT, "  %-5s %-44s %3d / %-3d %s", id, title, score, maxPoints, summary);
    }

    /** The line under a lesson's exercises: the lesson's points earned of its points. */
    public static String lessonLine(int lesson, int score, int maxPoints) {
        return String.format(Locale.ROOT, "  %-50s %3d / %d", "lesson " + lesson, score, maxPoints);
    }

    /** The last line: the points earned of every lesson's, and the share. */
    public static String totalLine(int score, int maxPoints) {
        String percent = maxPoints == 0 ? "-" : String.format(Locale.ROOT, "%.0f%%", 100.0 * score / maxPoints);
        return String.format(Locale.ROOT, "Total %48d / %-3d (%s)", score, maxPoints, percent);
    }

    /**
     * The paragraph of an exercise stub's class Javadoc that starts with {@code label}
     * ("Main idea:", "Hint:"), as plain text, or "".
     *
     * @param source the stub's source code
     */
    public static String paragraphOf(String source, String label) {
        var paragraph = Pattern.compile(Pattern.quote(label) + "(.*?)(?=<p>|\\*/)", Pattern.DOTALL).matcher(source);
        if (!paragraph.find()) {
            return "";
        }
        return (label + paragraph.group(1))
                .replaceAll("(?m)^\\s*\\*", " ")
                .replaceAll("\\{@(?:code|link|linkplain) ([^}]*)}", "$1")
                .replaceAll("<[^>]+>", "")
                .replaceAll("\\s+", " ")
                .strip();
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        if (failure instanceof AssertionError && message != null && !message.isBlank()) {
            return message;
        }
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** The first stub pointer in {@code failure}, its causes or what they suppressed, or null. */
    private static String pointerIn(Throwable failure) {
        var seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<Throwable, Boolean>());
        var pending = new java.util.ArrayDeque<Throwable>(List.of(failure));
        // A bound, for exceptions whose causes never end.
        for (int looked = 0; !pending.isEmpty() && looked < 100; looked++) {
            Throwable next = pending.poll();
            if (!seen.add(next)) {
                continue;
            }
            if (next instanceof UnsupportedOperationException && next.getMessage() != null) {
                Matcher pointer = STUB_POINTER.matcher(next.getMessage());
                if (pointer.find()) {
                    return pointer.group();
                }
            }
            if (next.getCause() != null) {
                pending.add(next.getCause());
            }
            pending.addAll(List.of(next.getSuppressed()));
        }
        return null;
    }
}
