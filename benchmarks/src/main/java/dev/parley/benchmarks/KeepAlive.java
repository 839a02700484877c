package dev.parley.benchmarks;

import java.io.IOException;
import java.net.URI;

/** HTTP/1.1 POSTs over one kept-alive socket, reading each answer's status and Content-Length body. */
final class KeepAlive {
    private final java.net.Socket socket;
    private final java.io.OutputStream out;
    private final java.io.BufferedInputStream in;
    private final String head;

    KeepAlive(URI webhook) throws IOException {
        socket = new java.net.Socket(webhook.getHost(), webhook.getPort());
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        out = socket.getOutputStream();
        in = new java.io.BufferedInputStream(socket.getInputStream());
        head = "POST " + webhook.getPath() + " HTTP/1.1\r\nHost: " + webhook.getHost() + ":" + webhook.getPort()
                + "\r\nContent-Type: application/json\r\nX-Telegram-Bot-Api-Secret-Token: " + RuntimeIntake.SECRET + "\r\nContent-Length: ";
    }

    int post(String body) throws IOException {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.write((head + bytes.length + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
        String status = line();
        int length = 0;
        for (String header = line(); !header.isEmpty(); header = line()) {
            if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
                length = Integer.parseInt(header.substring(15).trim());
            }
        }
        in.skipNBytes(length);
        return Integer.parseInt(status.split(" ")[1]);
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c == -1) {
                throw new java.io.EOFException("the runtime closed the connection");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    static void close(KeepAlive connection) {
        if (connection != null) {
            try {
                connection.socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
