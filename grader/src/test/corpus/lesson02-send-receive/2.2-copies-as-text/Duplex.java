// WRONG: it copies through a Reader and a Writer, decoding the bytes as UTF-8 text and encoding them again, so bytes that are not text come out changed.
package tcpcourse.lesson02.exercises;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.net.Socket;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/** Exercise 2.2: a relay of text, both ways at once. */
public final class Duplex {

    /** How many bytes went each way. */
    public record Copied(long leftToRight, long rightToLeft) {}

    private Duplex() {}

    /** Copies both ways at once until both ends have finished. */
    public static Copied copyBothWays(Socket left, Socket right) throws IOException, InterruptedException {
        var upstream = new FutureTask<>(() -> copyText(left, right));
        new Thread(upstream).start();
        long downstream = copyText(right, left);
        try {
            return new Copied(upstream.get(), downstream);
        } catch (ExecutionException e) {
            throw (IOException) e.getCause();
        }
    }

    private static long copyText(Socket from, Socket to) throws IOException {
        try {
            Reader reader = new InputStreamReader(from.getInputStream(), UTF_8);
            Writer writer = new OutputStreamWriter(to.getOutputStream(), UTF_8);
            char[] buffer = new char[4096];
            long bytes = 0;
            int n;
            while ((n = reader.read(buffer)) != -1) {
                String text = new String(buffer, 0, n);
                writer.write(text);
                writer.flush();
                bytes += text.getBytes(UTF_8).length;
            }
            to.shutdownOutput();
            return bytes;
        } catch (IOException e) {
            from.close();
            to.close();
            throw e;
        }
    }
}
