package tcpcourse.lesson05.exercises;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Calls into an exercise on a thread of their own, with a bound: code that hangs fails its test
 * with a message that says what it was waiting for, instead of holding up the test for ever.
 *
 * <p>A call that is still stuck is left behind on its daemon thread (a blocked socket read cannot
 * be interrupted); the test closes the sockets it waits on, and the JVM does not wait for it.
 */
final class Bounded {

    private Bounded() {}

    /** Starts {@code task} on a daemon thread of its own; the future has its result or what it threw. */
    static <T> CompletableFuture<T> start(String name, Callable<T> task) {
        var result = new CompletableFuture<T>();
        var thread = new Thread(() -> {
            try {
                result.complete(task.call());
            } catch (Throwable failure) {
                result.completeExceptionally(failure);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    /** Runs {@code task} and returns its result; fails with {@code stuck} if it takes longer than {@code bound}. */
    static <T> T call(Duration bound, Supplier<String> stuck, Callable<T> task) throws Exception {
        return await(start("exercise call", task), bound, stuck);
    }

    /** Waits for {@code result}, at most {@code bound}; rethrows what the task threw. */
    static <T> T await(CompletableFuture<T> result, Duration bound, Supplier<String> stuck) throws Exception {
        try {
            return result.get(bound.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException failed) {
            throw rethrown(failed.getCause());
        } catch (TimeoutException tooLong) {
            throw new AssertionError(stuck.get());
        }
    }

    /**
     * Waits for {@code client}, at most {@code bound}, unless {@code server} fails first: then the
     * server's failure is thrown, since it says better what went wrong than the client's does
     * (a server that gives up closes the connection, and the client only sees the end).
     */
    static <T> T awaitWhile(CompletableFuture<?> server, CompletableFuture<T> client, Duration bound,
            Supplier<String> stuck) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        try {
            CompletableFuture.anyOf(client, server).get(bound.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException eitherFailed) {
            // which one is looked at below
        } catch (TimeoutException tooLong) {
            throw new AssertionError(stuck.get());
        }
        if (server.isCompletedExceptionally()) {
            await(server, Duration.ZERO, stuck);
        }
        return await(client, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())), stuck);
    }

    private static Exception rethrown(Throwable cause) {
        if (cause instanceof Error error) {
            throw error;
        }
        return cause instanceof Exception exception ? exception : new RuntimeException(cause);
    }
}
