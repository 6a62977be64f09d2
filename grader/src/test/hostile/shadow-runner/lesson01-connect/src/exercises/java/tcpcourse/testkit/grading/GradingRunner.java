package tcpcourse.testkit.grading;

/** A fake of the old runner's name. */
public final class GradingRunner {
    public static void main(String[] args) {
        tcpcourse.runner.GradingRunner.class.getName();
    }
}
