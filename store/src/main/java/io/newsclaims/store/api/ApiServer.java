package io.newsclaims.store.api;

import java.io.IOException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** A Jetty server on one address, within {@link ApiLimits}, answering its own errors as JSON. */
final class ApiServer {
    private ApiServer() {
    }

    static Server create(String host, int port, ApiLimits limits, Handler handler) {
        QueuedThreadPool threads = new QueuedThreadPool(limits.maxThreads(), Math.min(4, limits.maxThreads()));
        threads.setName("api");
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false); // no Server header naming the software to attackers
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(limits.headerBytes());
        http.setIdleTimeout(limits.idleTimeout().toMillis());
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));
        QoSHandler turns = new QoSHandler(handler); // the bounded queue: waiting requests hold no thread
        turns.setMaxRequestCount(limits.activeRequests());
        turns.setMaxSuspendedRequestCount(limits.queuedRequests());
        turns.setMaxSuspend(limits.maxQueueWait());
        turns.setRejectStatusCode(503);
        SizeLimitHandler sizeLimit = new SizeLimitHandler(limits.bodyBytes(), -1);
        sizeLimit.setHandler(turns);
        server.setHandler(sizeLimit);
        server.setErrorHandler(new JsonErrorHandler());
        server.setStopTimeout(0); // read-only: a request cut by a stop is simply asked again
        return server;
    }

    static void start(Server server) throws IOException {
        try {
            server.start();
        } catch (IOException e) {
            stop(server);
            throw e;
        } catch (Exception e) {
            stop(server);
            throw new IOException("the HTTP API could not start: " + e.getMessage(), e);
        }
    }

    static int port(Server server) {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    static void stop(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(ApiServer.class).warn("stopping the HTTP API: {}", e.toString());
        }
    }
}
