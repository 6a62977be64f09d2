package tcpcourse.testkit;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Threads that run a blocking call (a server's accept loop, say) beside the test.
 *
 * <p>A failure in the background reaches the test through the returned future: an assertion
 * that fails on another thread is otherwise lost.
 */
public final class Background implements AutoCloseable {

    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        var thread = new Thread(task, "test background");
        thread.setDaemon(true); // a stuck thread must never keep the test JVM alive
        return thread;
    });

    /** Starts {@code task} on a thread of its own. */
    public <T> CompletableFuture<T> call(Callable<T> task) {
        var result = new CompletableFuture<T>();
        threads.execute(() -> {
            try {
                result.complete(task.call());
            } catch (Throwable failure) {
                result.completeExceptionally(failure);
            }
        });
        return result;
    }

    /** A task that returns nothing and may throw. */
    @FunctionalInterface
    public interface Task {
        /** Runs the task. */
        void run() throws Exception;
    }

    /** Starts {@code task} on a thread of its own; the future completes when it returns. */
    public CompletableFuture<Void> run(Task task) {
        return call(() -> {
            task.run();
            return null;
        });
    }

    /**
     * Runs {@code task} (a client, say) on a thread of its own and waits a bounded time for its
     * result. If {@code server} fails first, throws the server's own failure at once: it says more
     * than the client's read timeout would. If it ends normally first, the wait for the client goes on.
     */
    public <T> T callWhile(CompletableFuture<?> server, Callable<T> task) throws Exception {
        CompletableFuture<T> result = call(task);
        long deadline = System.nanoTime() + CALL_TIMEOUT.toNanos();
        try {
            CompletableFuture.anyOf(result, server).get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!result.isDone()) {
                server.join(); // the server ended first: rethrows its failure, if it failed
                // A server that serves one client may end normally before the client has its answer.
                return result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            return result.get();
        } catch (ExecutionException | CompletionException failed) {
            throw failed.getCause() instanceof Exception cause ? cause : failed;
        } catch (TimeoutException tooSlow) {
            throw new AssertionError("no result within " + CALL_TIMEOUT, tooSlow);
        }
    }

    /** Interrupts what still runs and waits a bounded time for it to stop. */
    @Override
    public void close() {
        threads.shutdownNow();
        try {
            threads.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt(); // keep the interrupt for the test's own thread
        }
    }
}
