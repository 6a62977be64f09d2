package tcpcourse.lesson01.exercises;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * What exercise 1.2 calls back: Node's {@code 'connect'} and {@code 'error'} events as a Java
 * interface. Exactly one of the two methods is called, once, on a thread of the channel's group.
 */
public interface ConnectListener {

    /**
     * The connection is made.
     *
     * @param local this side's address and port
     * @param remote the server's address and port
     */
    void connected(InetSocketAddress local, InetSocketAddress remote);

    /**
     * The connection could not be made.
     *
     * @param error why, for example a {@link java.net.ConnectException} when nothing listens
     */
    void failed(IOException error);
}
