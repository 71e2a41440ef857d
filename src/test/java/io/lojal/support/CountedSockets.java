package io.lojal.support;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * The tests' pgjdbc sockets (its {@code socketFactory}): they count, for each thread, the times it sent PostgreSQL
 * something. pgjdbc buffers a round trip's messages and sends them at once, so a thread's sends are its round trips.
 */
public class CountedSockets extends SocketFactory {

    private static final ThreadLocal<int[]> SENDS = ThreadLocal.withInitial(() -> new int[1]);

    /** The sends this thread has made so far, on any connection. */
    public static int sends() {
        try {
            // pgjdbc loads this class by name with the application class loader, a test sees Quarkus's copy of it:
            // the counts are the first one's.
            Class<?> pgjdbcs = Class.forName(CountedSockets.class.getName(), true, ClassLoader.getSystemClassLoader());
            return pgjdbcs == CountedSockets.class ? SENDS.get()[0] : (int) pgjdbcs.getMethod("sends").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Socket createSocket() {
        return new CountedSocket();
    }

    // pgjdbc creates an unconnected socket and connects it itself; these are SocketFactory's other ways.
    @Override
    public Socket createSocket(String host, int port) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Socket createSocket(InetAddress host, int port) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
        throw new UnsupportedOperationException();
    }

    private static final class CountedSocket extends Socket {

        private OutputStream counted;

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (counted == null) {
                counted = new FilterOutputStream(super.getOutputStream()) {
                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        SENDS.get()[0]++;
                        out.write(bytes, offset, length);
                    }

                    @Override
                    public void write(int b) throws IOException {
                        SENDS.get()[0]++;
                        out.write(b);
                    }
                };
            }
            return counted;
        }
    }
}
