package tcpcourse.lesson05;

import static tcpcourse.common.Addresses.describe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import tcpcourse.common.AcceptLoop;
import tcpcourse.common.CommandLine;
import tcpcourse.common.CommandLine.Option;
import tcpcourse.common.CommandLine.UsageException;
import tcpcourse.common.Endpoints;

/**
 * A relay that cuts the stream: it sits between a client and a server, forwards every byte both
 * ways, and cuts what it forwards into pieces of random sizes, sometimes joining what has
 * arrived meanwhile, and prints the sizes. Every byte arrives, in order; only the chunks differ.
 *
 * <p>Run it with {@code ./mvnw -q -pl lesson05-framing compile exec:java@relay} between the
 * server (8124) and a client pointed at 8125; options {@code --port}, {@code --target-host},
 * {@code --target-port} and {@code --seed}, to replay the same cuts.
 */
public final class Relay implements java.io.Closeable {

    /** The port the relay listens on unless told otherwise: the one after the server's. */
    public static final int DEFAULT_PORT = 8125;

    /** How long the relay waits for the target to answer the handshake. */
    private static final int CONNECT_TIMEOUT_MILLIS = 5000;

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final long seed;
    private final PrintStream log;

    private Relay(ServerSocket listener, InetSocketAddress target, long seed, PrintStream log) {
        this.listener = listener;
        this.target = target;
        this.seed = seed;
        this.log = log;
    }

    /** Starts listening on {@code host:port}, to relay to {@code target}. */
    public static Relay listen(String host, int port, InetSocketAddress target, long seed, PrintStream log)
            throws IOException {
        return new Relay(Endpoints.listen(host, port), target, seed, log);
    }

    /** The address and port really bound. */
    public InetSocketAddress localAddress() {
        return Endpoints.address(listener);
    }

    /** The line the relay prints first: where it listens, where it forwards to, and its seed. */
    String boundLine() {
        return "relay bound to " + describe(localAddress()) + ", forwarding to " + describe(target) + " with seed " + seed;
    }

    /** Relays each client to the target until {@link #close()}; blocks until then. */
    public void serve() throws IOException {
        var connections = new AtomicLong();
        // Each connection cuts with a seed of its own, derived from --seed: the same run replays.
        AcceptLoop.serveEach(listener, log, client -> relay(client, seed + connections.getAndIncrement()));
    }

    private void relay(Socket client, long connectionSeed) {
        try (client; var server = new Socket()) {
            // Bounded: a target that never answers the handshake would hold the client for minutes.
            server.connect(target, CONNECT_TIMEOUT_MILLIS);
            // Each piece leaves at once, as a segment of its own, instead of waiting to be
            // joined with the next (Nagle's algorithm): the cuts reach the other side.
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            var upstream = new Thread(() -> cut(client, server, "client -> server", new Rechunker(connectionSeed)));
            upstream.start();
            cut(server, client, "server -> client", new Rechunker(~connectionSeed));
            upstream.join();
        } catch (IOException failure) {
            log.println("relay of " + describe(client.getRemoteSocketAddress()) + " failed: " + failure.getMessage());
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    // tag::cut[]
    private void cut(Socket from, Socket to, String direction, Rechunker rechunker) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] chunk = new byte[64 * 1024];
            int length;
            while ((length = in.read(chunk)) != -1) {
                var sizes = new StringBuilder();
                for (byte[] piece : rechunker.split(chunk, length)) {
                    out.write(piece); // each piece is a write of its own: a segment of its own
                    sizes.append(sizes.length() == 0 ? "" : " + ").append(piece.length);
                }
                log.println(direction + ": " + length + " bytes forwarded as " + sizes);
            }
            to.shutdownOutput(); // pass the end on
        } catch (IOException failure) {
            log.println(direction + " stopped: " + failure.getMessage());
            // The other direction may be waiting on a peer that stays silent: closing both
            // sockets ends its read or write too, so the relay lets go of the connection.
            closeBoth(from, to);
        }
    }
    // end::cut[]

    private void closeBoth(Socket from, Socket to) {
        for (Socket socket : new Socket[] {from, to}) {
            try {
                socket.close();
            } catch (IOException failure) {
                log.println("closing " + describe(socket.getRemoteSocketAddress()) + " failed: " + failure.getMessage());
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        var commandLine = CommandLine.of(Relay.class.getSimpleName(),
                new Option("host", Endpoints.DEFAULT_HOST), new Option("port", String.valueOf(DEFAULT_PORT)),
                new Option("target-host", Endpoints.DEFAULT_HOST),
                new Option("target-port", String.valueOf(Endpoints.DEFAULT_PORT)), new Option("seed", "1"));
        String host;
        int port;
        InetSocketAddress target;
        long seed;
        try {
            var options = commandLine.parse(args);
            host = options.text("host");
            port = options.port("port");
            target = new InetSocketAddress(options.text("target-host"), options.port("target-port"));
            seed = options.number("seed");
        } catch (UsageException wrongArgument) {
            return commandLine.explain(wrongArgument, out, err);
        }
        if (target.isUnresolved()) {
            err.println("cannot forward to " + describe(target.getHostString(), target.getPort())
                    + ": unknown host. Try --target-host=127.0.0.1");
            return 2;
        }
        try (var relay = listen(host, port, target, seed, out)) {
            out.println(relay.boundLine());
            relay.serve();
            return 0;
        } catch (IOException failure) {
            err.println(Endpoints.whyCannotListen(host, port, failure));
            return 2;
        }
    }

    /** Runs the relay; see {@link #run}. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }
}
