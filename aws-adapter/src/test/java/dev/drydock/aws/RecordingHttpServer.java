package dev.drydock.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on 127.0.0.1 that records every request it gets (method, path, headers, body size) and answers
 * each with one configured status, headers and body: the wire as the SDK really sends it, and answers no AWS service
 * would give. Thread-safe.
 */
final class RecordingHttpServer implements AutoCloseable {
    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile Map<String, String> headers = Map.of();
    private volatile String body = "";

    /** What the server received. Header names are lower case. */
    record Request(String method, String path, Map<String, String> headers, long bodyBytes) {
        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private RecordingHttpServer(HttpServer server) {
        this.server = server;
    }

    /** A started server on a free port of 127.0.0.1 answering 200 with no body until told otherwise. */
    static RecordingHttpServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            RecordingHttpServer recording = new RecordingHttpServer(http);
            http.createContext("/", recording::handle);
            http.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
            http.start();
            return recording;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every later upload (PUT or POST) gets {@code statusCode} with {@code responseHeaders} and {@code responseBody};
     * reads and checks (HEAD, GET) keep getting an empty 200, so that a client gets as far as its upload.
     */
    RecordingHttpServer answer(int statusCode, Map<String, String> responseHeaders, String responseBody) {
        this.status = statusCode;
        this.headers = Map.copyOf(responseHeaders);
        this.body = responseBody;
        return this;
    }

    /** {@code http://127.0.0.1:<port>}. */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The requests so far, oldest first. */
    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        long size = 0;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                size += n;
            }
        }
        Map<String, String> received = new TreeMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> received.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), received, size));
        boolean upload = "PUT".equals(exchange.getRequestMethod()) || "POST".equals(exchange.getRequestMethod());
        if (upload) {
            headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        }
        byte[] bytes = upload ? body.getBytes(StandardCharsets.UTF_8) : new byte[0];
        exchange.sendResponseHeaders(upload ? status : 200, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
