// WRONG: reads through an InputStreamReader and counts characters, so UTF-8 text with accents (or bytes that are not text) gives the wrong number of bytes.
package tcpcourse.lesson04.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import tcpcourse.lesson04.ErrorCode;

/** Exercise 4.1: survive a reset and report how much arrived. */
public final class ReadReport {

    private ReadReport() {}

    /** Reads {@code fromPeer} until it ends or fails. */
    public static Received readUntilFailure(InputStream fromPeer) {
        Reader text = new InputStreamReader(fromPeer, UTF_8);
        char[] chars = new char[1024];
        long arrived = 0;
        try {
            int n;
            while ((n = text.read(chars)) != -1) {
                arrived += n;
            }
            return new Received(arrived, null);
        } catch (IOException failure) {
            return new Received(arrived, ErrorCode.of(failure));
        }
    }
}
