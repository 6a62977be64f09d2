// WRONG, misses the main idea: it copies left to right until that side ends, and only then right to left, on the one calling thread.
package tcpcourse.lesson02.exercises;

import java.io.IOException;
import java.net.Socket;

/** Exercise 2.2: copies both ways. */
public final class Duplex {

    /** How many bytes went each way. */
    public record Copied(long leftToRight, long rightToLeft) {}

    private Duplex() {}

    /** Copies left to right, then right to left. */
    public static Copied copyBothWays(Socket left, Socket right) throws IOException, InterruptedException {
        try {
            long sent = left.getInputStream().transferTo(right.getOutputStream());
            right.shutdownOutput();
            long received = right.getInputStream().transferTo(left.getOutputStream());
            left.shutdownOutput();
            return new Copied(sent, received);
        } catch (IOException broken) {
            left.close();
            right.close();
            throw broken;
        }
    }
}
