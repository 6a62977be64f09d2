package tcpcourse.lesson05.exercises;

import java.time.Duration;

/**
 * How patient a long-lived client is: how long it waits for each thing, and how it tries again.
 *
 * @param connectTimeout the longest a connection attempt may wait for the server's handshake
 * @param readTimeout the longest any read may wait for the next byte
 * @param firstBackoff the longest wait before the first attempt to connect again; each failure in
 *     a row doubles it
 * @param backoffCap the longest wait ever, however many failures in a row
 * @param attempts how many times in a row the client connects again without getting an answer
 *     before it gives up
 */
public record ClientSettings(Duration connectTimeout, Duration readTimeout, Duration firstBackoff,
        Duration backoffCap, int attempts) {

    /** Settings for a client on a real network: 3 s to connect, 10 s to read, 0.1 s up to 30 s between 8 attempts. */
    public static final ClientSettings DEFAULT = new ClientSettings(Duration.ofSeconds(3), Duration.ofSeconds(10),
            Duration.ofMillis(100), Duration.ofSeconds(30), 8);
}
