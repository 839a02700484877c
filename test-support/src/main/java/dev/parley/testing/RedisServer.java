package dev.parley.testing;

import java.io.IOException;
import java.net.ServerSocket;

/**
 * A real {@code redis-server} (the binary shipped in the embedded-redis jar) on a free loopback port, one per test
 * JVM. Started with a password so that tests exercise AUTH as production does.
 */
public final class RedisServer {

    public static final String PASSWORD = "parley-test";

    private static RedisServer shared;

    private final redis.embedded.RedisServer server;
    private final int port;

    private RedisServer(redis.embedded.RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static synchronized RedisServer shared() {
        if (shared == null) {
            try {
                int port = freePort();
                redis.embedded.RedisServer server = redis.embedded.RedisServer.newRedisServer()
                        .port(port)
                        .bind("127.0.0.1")
                        .setting("requirepass " + PASSWORD)
                        .setting("dir " + TestServers.workDir("redis"))
                        .setting("save \"\"")
                        .setting("appendonly no")
                        .build();
                server.start();
                shared = new RedisServer(server, port);
            } catch (IOException | RuntimeException e) {
                throw TestServers.unavailable("Redis", "the embedded redis-server did not start: " + e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "redis-stop"));
        }
        return shared;
    }

    /**
     * A server of its own that speaks only TLS, presenting {@code certificates}' server certificate and not asking
     * clients for one ({@code tls-auth-clients no}), with {@link #PASSWORD}. The caller stops it with {@link #stop()}.
     */
    public static RedisServer dedicatedWithTls(String name, TestCertificates certificates) {
        try {
            int port = freePort();
            redis.embedded.RedisServer server = redis.embedded.RedisServer.newRedisServer()
                    .port(0)
                    .bind("127.0.0.1")
                    .setting("tls-port " + port)
                    .setting("tls-cert-file " + certificates.serverCertificate())
                    .setting("tls-key-file " + certificates.serverKey())
                    .setting("tls-ca-cert-file " + certificates.caCertificate())
                    .setting("tls-auth-clients no")
                    .setting("requirepass " + PASSWORD)
                    .setting("dir " + TestServers.workDir("redis-" + name))
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            server.start();
            return new RedisServer(server, port);
        } catch (IOException | RuntimeException e) {
            throw TestServers.unavailable("Redis", "the embedded redis-server did not start with TLS: " + e);
        }
    }

    public void stop() {
        close();
    }

    public int port() {
        return port;
    }

    /** A URL without credentials; the password is {@link #PASSWORD}. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    private void close() {
        try {
            server.stop();
        } catch (IOException e) {
            // The JVM is exiting; nothing to keep.
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
