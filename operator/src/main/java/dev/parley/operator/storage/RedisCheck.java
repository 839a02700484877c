package dev.parley.operator.storage;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * AUTH (when a password is set), PING and INFO server over the Redis protocol (RESP), with short timeouts. A few
 * lines of protocol rather than a client library, because the operator needs nothing else from Redis.
 */
public final class RedisCheck {

    private RedisCheck() {
    }

    /** {@code caPem}: the CA certificate(s) the server's is verified against, as PEM text; null: the JVM's. */
    public static ConnectionCheck check(String url, boolean tls, String caPem, String password, Duration timeout) {
        URI uri = URI.create(url);
        boolean secure = tls || "rediss".equals(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : 6379;
        String where = "Redis " + uri.getHost() + ":" + port;
        int millis = (int) timeout.toMillis();
        try (Socket socket = secure ? tlsSocket(caPem) : new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), millis);
            socket.setSoTimeout(millis);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            if (password != null && !password.isEmpty()) {
                String auth = command(out, in, "AUTH", password);
                if (!auth.equals("OK")) {
                    return ConnectionCheck.failed(where + ": AUTH refused: " + auth);
                }
            }
            String pong = command(out, in, "PING");
            if (!pong.equals("PONG")) {
                return ConnectionCheck.failed(where + ": PING answered " + pong);
            }
            String info = command(out, in, "INFO", "server");
            return ConnectionCheck.ok(field(info, "redis_version"));
        } catch (IOException e) {
            return ConnectionCheck.failed(where + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * A TLS socket, not yet connected, that verifies the server's certificate and that it names the host the socket
     * is connected to (the JDK takes it, and the SNI name, from the address given to {@code connect}).
     */
    private static Socket tlsSocket(String caPem) throws IOException {
        try {
            SSLSocketFactory factory = (SSLSocketFactory) SSLSocketFactory.getDefault();
            if (caPem != null) {
                KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
                trusted.load(null, null);
                int n = 0;
                for (Certificate ca : CertificateFactory.getInstance("X.509")
                        .generateCertificates(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII)))) {
                    trusted.setCertificateEntry("ca-" + n++, ca);
                }
                TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(trusted);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, trust.getTrustManagers(), null);
                factory = context.getSocketFactory();
            }
            SSLSocket socket = (SSLSocket) factory.createSocket();
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            return socket;
        } catch (GeneralSecurityException e) {
            throw new IOException("the CA certificate cannot be used: " + e.getMessage(), e);
        }
    }

    private static String command(OutputStream out, InputStream in, String... args) throws IOException {
        StringBuilder request = new StringBuilder("*").append(args.length).append("\r\n");
        for (String arg : args) {
            byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
            request.append('$').append(bytes.length).append("\r\n").append(arg).append("\r\n");
        }
        out.write(request.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        return reply(in);
    }

    /** Simple strings and errors come back as their text, bulk strings as their content. */
    private static String reply(InputStream in) throws IOException {
        int type = in.read();
        String line = line(in);
        switch (type) {
            case '+':
            case '-':
                return line;
            case '$': {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    return "";
                }
                byte[] body = in.readNBytes(length + 2);
                return new String(body, 0, length, StandardCharsets.UTF_8);
            }
            default:
                throw new IOException("unexpected Redis reply type " + (char) type + line);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\r') {
            line.append((char) c);
        }
        in.read();
        return line.toString();
    }

    private static String field(String info, String name) {
        for (String line : info.split("\r\n")) {
            if (line.startsWith(name + ":")) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return "unknown";
    }
}
