// RIGHT, another way: reads through a ReadableByteChannel into a ByteBuffer, one byte buffer reused, with the loop ending on -1.
package tcpcourse.lesson04.exercises;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import tcpcourse.lesson04.ErrorCode;

/** Exercise 4.1: survive a reset and report how much arrived. */
public final class ReadReport {

    private ReadReport() {}

    /** Reads {@code fromPeer} until it ends or fails. */
    public static Received readUntilFailure(InputStream fromPeer) {
        ReadableByteChannel channel = Channels.newChannel(fromPeer);
        ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
        long total = 0;
        while (true) {
            int read;
            try {
                read = channel.read(buffer);
            } catch (IOException failure) {
                return new Received(total, ErrorCode.of(failure));
            }
            if (read == -1) {
                return new Received(total, null);
            }
            total += read;
            buffer.clear();
        }
    }
}
