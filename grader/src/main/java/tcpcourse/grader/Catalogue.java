package tcpcourse.grader;

import java.util.List;
import tcpcourse.testkit.grading.Feedback;

/** What the course grades: its lessons, their exercises, and each grading test's points. */
record Catalogue(List<Lesson> lessons) {

    /** A lesson module and its exercises, in the order of their numbers. */
    record Lesson(int number, String module, List<Exercise> exercises) {

        int maxPoints() {
            return exercises.stream().mapToInt(Exercise::maxPoints).sum();
        }
    }

    /**
     * One exercise: the class a student writes ({@code stubFile}, relative to the lesson's
     * exercise folder) and the test class that grades it.
     */
    record Exercise(String id, String title, String testClass, String stubFile, String mainIdea, String hint,
            List<Test> tests) {

        /** The points of the grading tests, one by one. */
        int testPoints() {
            return tests.stream().mapToInt(Test::points).sum();
        }

        /** The points for passing every test of the exercise; see {@link Feedback#completionPoints}. */
        int completionPoints() {
            return Feedback.completionPoints(testPoints());
        }

        int maxPoints() {
            return testPoints() + completionPoints();
        }
    }

    /** One grading test: a method of the exercise's test class, worth {@code points}. */
    record Test(String method, int points) {}

    int maxPoints() {
        return lessons.stream().mapToInt(Lesson::maxPoints).sum();
    }
}
