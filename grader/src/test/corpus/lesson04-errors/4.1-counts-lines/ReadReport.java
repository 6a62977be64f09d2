// WRONG: reads lines with a BufferedReader and adds up their lengths, so the line ends are not counted and the bytes of an unfinished line are lost on a failure.
package tcpcourse.lesson04.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import tcpcourse.lesson04.ErrorCode;

/** Exercise 4.1: survive a reset and report how much arrived. */
public final class ReadReport {

    private ReadReport() {}

    /** Reads {@code fromPeer} until it ends or fails. */
    public static Received readUntilFailure(InputStream fromPeer) {
        var lines = new BufferedReader(new InputStreamReader(fromPeer, UTF_8));
        long bytesSoFar = 0;
        try {
            String line;
            while ((line = lines.readLine()) != null) {
                bytesSoFar += line.getBytes(UTF_8).length;
            }
            return new Received(bytesSoFar, null);
        } catch (IOException failure) {
            return new Received(bytesSoFar, ErrorCode.of(failure));
        }
    }
}
