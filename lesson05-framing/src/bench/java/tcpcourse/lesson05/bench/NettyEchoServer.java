package tcpcourse.lesson05.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import java.net.InetSocketAddress;

/**
 * The lesson's wire format served by Netty, the way Netty's own examples do it: a frame decoder
 * and a length prepender, an echo handler that writes each frame and flushes once per read, on
 * Netty's defaults (the NIO transport, twice as many event loops as cores). A peer of the
 * benchmark, in a process of its own: {@code NettyEchoServer MAXIMUM} listens on 127.0.0.1, on a
 * port the system chooses, and prints it.
 */
final class NettyEchoServer {

    private NettyEchoServer() {}

    public static void main(String[] args) throws InterruptedException {
        int maximum = Integer.parseInt(args[0]);
        EventLoopGroup boss = new NioEventLoopGroup(1);
        EventLoopGroup workers = new NioEventLoopGroup();
        try {
            Channel listener = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel connection) {
                            connection.pipeline()
                                    .addLast(new LengthFieldBasedFrameDecoder(maximum + 4, 0, 4, 0, 4))
                                    .addLast(new LengthFieldPrepender(4))
                                    .addLast(new ChannelInboundHandlerAdapter() {
                                        @Override
                                        public void channelRead(ChannelHandlerContext context, Object frame) {
                                            context.write(frame);
                                        }

                                        @Override
                                        public void channelReadComplete(ChannelHandlerContext context) {
                                            context.flush();
                                        }

                                        @Override
                                        public void exceptionCaught(ChannelHandlerContext context, Throwable failure) {
                                            context.close();
                                        }
                                    });
                        }
                    })
                    .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
            System.out.println("listening on 127.0.0.1:" + ((InetSocketAddress) listener.localAddress()).getPort());
            listener.closeFuture().sync();
        } finally {
            boss.shutdownGracefully();
            workers.shutdownGracefully();
        }
    }
}
