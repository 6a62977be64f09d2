package tcpcourse.lesson01;

import static tcpcourse.common.Addresses.describe;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.Channels;
import java.nio.channels.CompletionHandler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import tcpcourse.common.CommandLine;
import tcpcourse.common.CommandLine.Option;
import tcpcourse.common.CommandLine.UsageException;
import tcpcourse.common.Endpoints;

/**
 * The same client as {@link Client}, connecting the way Node does: the call returns at once, and
 * a callback passed as the last argument runs when the connection is made.
 *
 * <p>Run it with {@code ./mvnw -q -pl lesson01-connect compile exec:java@callback-client} while
 * the server runs.
 */
public final class CallbackClient {

    private CallbackClient() {}

    /**
     * Connects with a callback, then has the same conversation as {@link Client}.
     *
     * <p>Blocks until the conversation is over.
     *
     * @throws UnknownHostException if the host name cannot be resolved
     * @throws java.net.ConnectException if nothing listens at host and port
     */
    static void talkTo(String host, int port, PrintStream out) throws IOException, InterruptedException {
        var server = new InetSocketAddress(host, port);
        if (server.isUnresolved()) {
            throw new UnknownHostException(host);
        }
        try (var channel = AsynchronousSocketChannel.open()) {
            var connected = new CompletableFuture<AsynchronousSocketChannel>();
            // tag::callback-connect[]
            // Returns at once. The handler, the last argument as in net.createConnection(port,
            // host, callback), runs on another thread when the handshake is done or has failed.
            channel.connect(server, channel, new ConnectHandler(connected, out));
            // end::callback-connect[]
            awaitConnection(connected);
            Client.converse(Channels.newInputStream(channel), Channels.newOutputStream(channel), out);
        }
        out.println("disconnected from server");
    }

    // tag::handler[]
    /** Node's connect callback and 'error' listener in one: exactly one of the two methods runs. */
    private static final class ConnectHandler implements CompletionHandler<Void, AsynchronousSocketChannel> {
        private final CompletableFuture<AsynchronousSocketChannel> connected;
        private final PrintStream out;

        ConnectHandler(CompletableFuture<AsynchronousSocketChannel> connected, PrintStream out) {
            this.connected = connected;
            this.out = out;
        }

        @Override
        public void completed(Void nothing, AsynchronousSocketChannel channel) {
            try {
                out.println("connected to server! " + describe(channel.getLocalAddress())
                        + " -> " + describe(channel.getRemoteAddress()));
                connected.complete(channel);
            } catch (IOException closedMeanwhile) {
                connected.completeExceptionally(closedMeanwhile);
            }
        }

        @Override
        public void failed(Throwable error, AsynchronousSocketChannel channel) {
            connected.completeExceptionally(error);
        }
    }
    // end::handler[]

    /** Waits for the handler's verdict and rethrows its failure as the I/O error it is. */
    private static void awaitConnection(CompletableFuture<AsynchronousSocketChannel> connected)
            throws IOException, InterruptedException {
        try {
            connected.get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof IOException ioFailure) {
                throw ioFailure;
            }
            throw new IOException(failed.getCause());
        }
    }

    /**
     * Talks to the server named on the command line.
     *
     * @return the exit code: 1 for a wrong argument, 2 if the conversation failed
     */
    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        var commandLine = CommandLine.of(CallbackClient.class.getSimpleName(),
                new Option("host", Server.DEFAULT_HOST), new Option("port", String.valueOf(Server.DEFAULT_PORT)));
        String host;
        int port;
        try {
            var options = commandLine.parse(args);
            host = options.text("host");
            port = options.port("port");
        } catch (UsageException wrongArgument) {
            return commandLine.explain(wrongArgument, out, err);
        }
        try {
            talkTo(host, port, out);
            return 0;
        } catch (IOException failure) {
            err.println(Endpoints.whyCannotConnect(host, port, failure));
            return 2;
        }
    }

    /** Runs the client; see {@link #run}. */
    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args, System.out, System.err));
    }
}
