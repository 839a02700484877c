package dev.parley.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private certificate authority and a server certificate it signs, made with {@code openssl} in a work directory:
 * what a cluster's PostgreSQL or Redis operator (CloudNativePG, cert-manager) hands out. The server certificate
 * names only {@code localhost}, so a client that connects to {@code 127.0.0.1} and checks the name refuses it.
 */
public final class TestCertificates {

    /** The only name the server certificate carries. */
    public static final String SERVER_NAME = "localhost";

    private final Path dir;

    private TestCertificates(Path dir) {
        this.dir = dir;
    }

    /** A CA and a server certificate for {@link #SERVER_NAME}, valid for two days, under a work directory {@code name}. */
    public static TestCertificates make(String name) {
        Path dir = TestServers.workDir("tls-" + name);
        try {
            openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Parley test CA " + name,
                    "-keyout", "ca.key", "-out", "ca.crt");
            openssl(dir, "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=" + SERVER_NAME, "-keyout", "server.key",
                    "-out", "server.csr");
            Files.writeString(dir.resolve("server.ext"), "subjectAltName=DNS:" + SERVER_NAME + "\n");
            openssl(dir, "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                    "-days", "2", "-extfile", "server.ext", "-out", "server.crt");
            Files.setPosixFilePermissions(dir.resolve("server.key"), PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw TestServers.unavailable("openssl", "cannot make test certificates: " + e.getMessage());
        }
        return new TestCertificates(dir);
    }

    public Path caCertificate() {
        return dir.resolve("ca.crt");
    }

    /** The CA certificate as PEM text, as a Secret's {@code ca.crt} holds it. */
    public String caPem() {
        try {
            return Files.readString(caCertificate());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path serverCertificate() {
        return dir.resolve("server.crt");
    }

    public Path serverKey() {
        return dir.resolve("server.key");
    }

    private static void openssl(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("openssl " + String.join(" ", args) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
