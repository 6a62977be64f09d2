package tcpcourse.lesson01.exercises;

/** Not the course's interface. */
public interface ConnectListener {
    default void connected(java.net.InetSocketAddress local, java.net.InetSocketAddress remote) {}
    default void failed(java.io.IOException error) {}
}
