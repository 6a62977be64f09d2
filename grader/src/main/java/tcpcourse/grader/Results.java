package tcpcourse.grader;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What grading found, from one test up to a whole submission. */
final class Results {

    private Results() {}

    /** What happened to one grading test. */
    enum Status { PASSED, FAILED, TIMED_OUT, CRASHED, NOT_COMPILED }

    /** One grading test's result; {@code message} says why it did not pass, in one line. */
    record Test(String method, int score, int maxPoints, Status status, String message) {}

    /**
     * One exercise's result, with {@code summary} saying what happened to it in one plain line.
     * {@code log} is the test JVM's console output, if it ran.
     */
    record Exercise(Catalogue.Exercise exercise, String summary, List<Test> tests, Path log) {

        int score() {
            return tests.stream().mapToInt(Test::score).sum() + (complete() ? exercise.completionPoints() : 0);
        }

        /** True when every grading test of the exercise passed. */
        boolean complete() {
            return !tests.isEmpty() && tests.stream().allMatch(test -> test.status() == Status.PASSED);
        }

        boolean anyPassed() {
            return tests.stream().anyMatch(test -> test.status() == Status.PASSED);
        }
    }

    /**
     * One lesson's exercises; {@code notes} says what of the submission was left out, and
     * {@code flags} which calls in its sources an instructor may want to look at.
     */
    record Lesson(Catalogue.Lesson lesson, List<Exercise> exercises, List<String> notes, List<String> flags) {

        int score() {
            return exercises.stream().mapToInt(Exercise::score).sum();
        }

        int maxPoints() {
            return exercises.stream().mapToInt(exercise -> exercise.exercise().maxPoints()).sum();
        }
    }

    /**
     * A whole submission: {@code name} is the student's (or "reference", "stubs");
     * {@code sandbox} says how its tests were isolated ("sandboxed: ..." or "not sandboxed: ...").
     */
    record Submission(String name, Path checkout, List<Lesson> lessons, Duration took, String sandbox) {

        boolean sandboxed() {
            return sandbox.startsWith("sandboxed");
        }


        int score() {
            return lessons.stream().mapToInt(Lesson::score).sum();
        }

        int maxPoints() {
            return lessons.stream().mapToInt(Lesson::maxPoints).sum();
        }

        List<Exercise> exercises() {
            return lessons.stream().flatMap(lesson -> lesson.exercises().stream()).toList();
        }
    }
}
