package dev.reelforge.local.serve;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * One HTTP/1.1 POST written byte by byte on a socket, for header values no HTTP client library will send (control
 * characters, bidirectional overrides, UTF-8 in a header): what a hostile or broken client can put on the wire.
 */
final class RawHttp {
    private RawHttp() {}

    static BadInputServeTest.Answer post(URI endpoint, String target, String contentType, byte[] body) {
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(
                    "POST / HTTP/1.1\r\nHost: " + endpoint.getAuthority() + "\r\nConnection: close\r\n");
            if (target != null) {
                head.append("X-Amz-Target: ").append(target).append("\r\n");
            }
            if (contentType != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("no answer from " + endpoint, e);
        }
    }

    private static BadInputServeTest.Answer parse(byte[] response) throws IOException {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("not an HTTP response: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String type = "";
        boolean chunked = false;
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-amzn-errortype:")) {
                type = line.substring(line.indexOf(':') + 1).strip();
            }
            chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
        }
        byte[] body = Arrays.copyOfRange(response, end + 4, response.length);
        return new BadInputServeTest.Answer(
                status, type, new String(chunked ? dechunk(body) : body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(body);
        while (true) {
            StringBuilder size = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    return out.toByteArray();
                }
                if (c != '\r') {
                    size.append((char) c);
                }
            }
            int n = Integer.parseInt(size.toString().strip(), 16);
            if (n == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(n));
            in.readNBytes(2);
        }
    }
}
