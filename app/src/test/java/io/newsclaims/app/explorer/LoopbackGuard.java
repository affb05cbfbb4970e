package io.newsclaims.app.explorer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The browser's proxy for every address but loopback: it records the request line of each
 * connection and closes it, so a request meant to leave the machine is seen here and goes nowhere.
 */
final class LoopbackGuard implements AutoCloseable {
    private final ServerSocket socket;
    private final List<String> attempts = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    LoopbackGuard() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "loopback-guard");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The proxy address to give the browser. */
    String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    /** Request lines of the connections the browser tried to make beyond loopback. */
    List<String> attempts() {
        return List.copyOf(attempts);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                s.setSoTimeout(2000);
                String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1)).readLine();
                attempts.add(line == null ? "(a connection without a request)" : line);
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    attempts.add("(a connection that failed: " + e.getMessage() + ")");
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
