package tcpcourse.lesson04;

import java.io.PrintStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.function.ThrowingConsumer;
import tcpcourse.testkit.Background;

/** Runs a body while the lesson's server serves in one of its modes. */
public final class ServerFixture {

    private ServerFixture() {}

    /** Starts the server on a free loopback port, runs {@code body} with its address, stops it. */
    public static void withServer(Server.Mode mode, ThrowingConsumer<InetSocketAddress> body) throws Exception {
        try (var background = new Background();
                var server = Server.listen("127.0.0.1", 0, mode, new PrintStream(OutputStream.nullOutputStream()))) {
            background.run(server::serve);
            body.accept(server.localAddress());
        } catch (Exception | Error failure) {
            throw failure;
        } catch (Throwable other) {
            throw new IllegalStateException(other);
        }
    }
}
