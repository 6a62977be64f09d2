package tcpcourse.testkit.grading;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class as the grading tests of one exercise.
 *
 * <p>The grader runs each such class in a JVM of its own and adds up the {@link Points} of the
 * tests that pass. Example: {@code @Exercise(id = "1.1", title = "Connect with a timeout")}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Exercise {

    /** The exercise's number, "lesson.exercise", for example {@code "1.1"}. */
    String id();

    /** The exercise's title as the lesson page gives it. */
    String title();
}
