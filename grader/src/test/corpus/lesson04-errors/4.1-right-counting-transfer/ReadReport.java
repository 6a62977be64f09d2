// RIGHT, another way: transferTo into an OutputStream that only counts, so the count lives outside the try and survives the failure.
package tcpcourse.lesson04.exercises;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import tcpcourse.lesson04.ErrorCode;

/** Exercise 4.1: survive a reset and report how much arrived. */
public final class ReadReport {

    private ReadReport() {}

    /** Counts the bytes written to it, and keeps none. */
    private static final class Counter extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] data, int offset, int length) {
            bytes += length;
        }
    }

    /** Reads {@code fromPeer} until it ends or fails. */
    public static Received readUntilFailure(InputStream fromPeer) {
        var counter = new Counter();
        try {
            fromPeer.transferTo(counter);
            return new Received(counter.bytes, null);
        } catch (IOException failure) {
            return new Received(counter.bytes, ErrorCode.of(failure));
        }
    }
}
