package dev.parley.runtime.channel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body (RFC 7578), built in memory: the documents channels upload (an invoice PDF)
 * are small. Telegram's {@code sendDocument} and WhatsApp's media upload use it.
 */
public final class Multipart {

    private final String boundary = "parley-" + UUID.randomUUID();
    private final List<byte[]> parts = new ArrayList<>();

    /** The request's {@code Content-Type}, with this body's boundary. */
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public Multipart field(String name, String value) {
        parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public Multipart file(String name, String fileName, String mediaType, byte[] content) {
        parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                + fileName.replace("\"", "") + "\"\r\nContent-Type: " + mediaType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        parts.add(content);
        parts.add("\r\n".getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** The body's byte arrays, closing delimiter included; the builder is spent afterwards. */
    public List<byte[]> end() {
        parts.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return parts;
    }
}
