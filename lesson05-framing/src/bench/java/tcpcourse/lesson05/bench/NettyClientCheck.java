package tcpcourse.lesson05.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A Netty client with LengthFieldPrepender(4) against the lesson's server: every frame must come back. */
final class NettyClientCheck {

    private NettyClientCheck() {}

    /** @return how many frames came back unchanged, of {@code count} sent */
    static int check(InetSocketAddress server, int count) throws Exception {
        var random = new Random(12);
        var sent = new ArrayList<byte[]>();
        for (int i = 0; i < count; i++) {
            byte[] frame = new byte[random.nextInt(i % 50 == 0 ? 500_000 : 2000)];
            random.nextBytes(frame);
            sent.add(frame);
        }
        var received = new ArrayList<byte[]>();
        var done = new CompletableFuture<List<byte[]>>();
        var group = new NioEventLoopGroup(1);
        try {
            var channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel connection) {
                            connection.pipeline()
                                    .addLast(new LengthFieldBasedFrameDecoder((1 << 20) + 4, 0, 4, 0, 4))
                                    .addLast(new LengthFieldPrepender(4))
                                    .addLast(new SimpleChannelInboundHandler<ByteBuf>() {
                                        @Override
                                        protected void channelRead0(ChannelHandlerContext context, ByteBuf frame) {
                                            received.add(ByteBufUtil.getBytes(frame));
                                            if (received.size() == sent.size()) {
                                                done.complete(received);
                                            }
                                        }
                                    });
                        }
                    })
                    .connect(server).sync().channel();
            for (byte[] frame : sent) {
                channel.write(Unpooled.wrappedBuffer(frame));
            }
            channel.flush();
            done.get(60, TimeUnit.SECONDS);
            channel.close().sync();
        } finally {
            group.shutdownGracefully().sync();
        }
        int same = 0;
        for (int i = 0; i < sent.size(); i++) {
            same += Arrays.equals(sent.get(i), received.get(i)) ? 1 : 0;
        }
        return same;
    }
}
