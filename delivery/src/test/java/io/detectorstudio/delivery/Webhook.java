package io.detectorstudio.delivery;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A user's HTTP service standing in for a Lambda: records what it is POSTed; can be slow. */
final class Webhook implements AutoCloseable {

    /** One POST as received. */
    record Post(String body, String type, String target, String contentType) {
    }

    private final HttpServer server;
    final BlockingQueue<Post> posts = new LinkedBlockingQueue<>();

    Webhook(long delayMillis) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            posts.add(new Post(body, exchange.getRequestHeaders().getFirst("X-Detector-Studio-Action-Type"),
                    exchange.getRequestHeaders().getFirst("X-Detector-Studio-Target"),
                    exchange.getRequestHeaders().getFirst("Content-Type")));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    Post next() throws InterruptedException {
        Post p = posts.poll(10, TimeUnit.SECONDS);
        if (p == null) {
            throw new AssertionError("nothing was POSTed within 10 s");
        }
        return p;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
