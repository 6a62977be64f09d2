package tcpcourse.lesson05;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Cuts bytes into pieces of random sizes, as a network may: the same seed gives the same cuts,
 * so a failure seen once can be replayed. {@link Relay} cuts a live stream with it; tests cut
 * streams in memory.
 */
public final class Rechunker {

    private final Random random;

    /** @param seed where the random sizes come from */
    public Rechunker(long seed) {
        this.random = new Random(seed);
    }

    /** Cuts {@code bytes[0..length)} into one to four pieces of random sizes, in order. */
    public List<byte[]> split(byte[] bytes, int length) {
        int pieces = Math.min(length, 1 + random.nextInt(4));
        var cuts = new int[pieces + 1];
        cuts[pieces] = length;
        for (int i = 1; i < pieces; i++) {
            cuts[i] = 1 + random.nextInt(length - 1);
        }
        Arrays.sort(cuts, 1, pieces);
        var result = new ArrayList<byte[]>();
        for (int i = 0; i < pieces; i++) {
            if (cuts[i + 1] > cuts[i]) {
                result.add(Arrays.copyOfRange(bytes, cuts[i], cuts[i + 1]));
            }
        }
        return result;
    }

    /** Cuts a whole stream into chunks: each piece as {@link #split} cuts it, some joined again. */
    public List<byte[]> rechunk(byte[] stream) {
        var chunks = new ArrayList<byte[]>();
        int position = 0;
        while (position < stream.length) {
            int length = Math.min(stream.length - position, 1 + random.nextInt(64));
            chunks.addAll(split(Arrays.copyOfRange(stream, position, position + length), length));
            position += length;
        }
        // Coalesce: now and then, two neighbouring chunks arrive as one.
        var joined = new ArrayList<byte[]>();
        for (byte[] chunk : chunks) {
            if (!joined.isEmpty() && random.nextInt(3) == 0) {
                byte[] last = joined.remove(joined.size() - 1);
                byte[] both = Arrays.copyOf(last, last.length + chunk.length);
                System.arraycopy(chunk, 0, both, last.length, chunk.length);
                joined.add(both);
            } else {
                joined.add(chunk);
            }
        }
        return joined;
    }
}
