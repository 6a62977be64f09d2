package tcpcourse.lesson05.exercises;

import java.time.Duration;

/**
 * Waits between two attempts to connect. A program passes {@code Thread::sleep}-like waiting
 * ({@link #REAL}); tests pass one that only records each delay, so a backoff is checked as values
 * instead of being waited for.
 */
@FunctionalInterface
public interface Sleeper {

    /** Really waits, on the calling thread. */
    Sleeper REAL = delay -> Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);

    /** Waits for {@code delay}; throws if the thread is interrupted meanwhile. */
    void sleep(Duration delay) throws InterruptedException;
}
