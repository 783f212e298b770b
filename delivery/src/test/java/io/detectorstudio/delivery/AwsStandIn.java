package io.detectorstudio.delivery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * A local stand-in for the AWS endpoints (a JDK HTTP server): it checks that every request carries a valid
 * Signature Version 4 for the test credentials (re-signing the request it received with the SDK's own signer and
 * comparing), records it, and answers as the service would. {@link #failNext} makes it answer errors.
 */
final class AwsStandIn implements AutoCloseable {

    static final String ACCESS_KEY = "AKIDSTANDIN0000000001";
    static final String SECRET_KEY = "standin/secret/key/0000000000000000000000";
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})");

    /** One request as received. */
    record Call(String method, String path, String query, Map<String, String> headers, String body, String region,
                String service, boolean signatureValid, long atMillis) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final HttpServer server;
    final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
    private volatile int failuresLeft;
    private volatile long delayMillis;

    AwsStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next {@code n} requests get a 500 InternalFailure. */
    void failNext(int n) {
        failuresLeft = n;
    }

    /** Every answer waits this long first (a slow service). */
    void delay(long millis) {
        delayMillis = millis;
    }

    Call next() throws InterruptedException {
        Call c = calls.poll(10, TimeUnit.SECONDS);
        if (c == null) {
            throw new AssertionError("no request reached the stand-in within 10 s");
        }
        return c;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        Call call = verify(exchange.getRequestMethod(), exchange.getRequestURI(), headers, body);
        calls.add(call);
        try {
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!call.signatureValid()) {
            respond(exchange, 403, "application/json", "{\"__type\":\"InvalidSignatureException\",\"message\":\"bad signature\"}");
        } else if (failuresLeft > 0) {
            failuresLeft--;
            respond(exchange, 500, "application/json", "{\"__type\":\"InternalFailure\",\"message\":\"stand-in failure\"}");
        } else {
            answer(exchange, call);
        }
    }

    private static Call verify(String method, URI uri, Map<String, String> headers, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        Matcher m = AUTHORIZATION.matcher(headers.getOrDefault("authorization", ""));
        if (!m.matches() || !m.group(1).equals(ACCESS_KEY)) {
            return new Call(method, uri.getRawPath(), uri.getRawQuery(), headers, text, null, null, false,
                    System.currentTimeMillis());
        }
        String region = m.group(3);
        String service = m.group(4);
        List<String> signedHeaders = List.of(m.group(5).split(";"));
        Instant at = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                .parse(headers.get("x-amz-date"), Instant::from);
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method))
                .uri(URI.create("http://" + headers.get("host") + uri.getRawPath()
                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())));
        for (String name : signedHeaders) {
            if (!name.equals("x-amz-date") && !name.equals("host")) {
                request.putHeader(name, headers.get(name));
            }
        }
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(ACCESS_KEY, SECRET_KEY))
                .request(request.build())
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)));
        String expected = signed.request().firstMatchingHeader("Authorization").orElse("");
        Matcher e = AUTHORIZATION.matcher(expected);
        boolean valid = e.matches() && e.group(6).equals(m.group(6));
        return new Call(method, uri.getRawPath(), uri.getRawQuery(), headers, text, region, service, valid,
                System.currentTimeMillis());
    }

    private static void answer(HttpExchange exchange, Call call) throws IOException {
        String target = call.header("x-amz-target") == null ? "" : call.header("x-amz-target");
        switch (call.service()) {
            case "sns" -> respond(exchange, 200, "text/xml", "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
                    + "<PublishResult><MessageId>m-1</MessageId></PublishResult><ResponseMetadata><RequestId>r-1</RequestId>"
                    + "</ResponseMetadata></PublishResponse>");
            case "sqs" -> {
                String messageBody = new com.fasterxml.jackson.databind.ObjectMapper().readTree(call.body())
                        .path("MessageBody").asText();
                respond(exchange, 200, "application/x-amz-json-1.0", "{\"MessageId\":\"m-1\",\"MD5OfMessageBody\":\""
                        + md5(messageBody) + "\"}");
            }
            case "lambda" -> respond(exchange, 202, "application/json", "");
            case "firehose" -> respond(exchange, 200, "application/x-amz-json-1.1", "{\"RecordId\":\"r-1\"}");
            case "dynamodb" -> respond(exchange, 200, "application/x-amz-json-1.0", "{}");
            case "iotsitewise" -> respond(exchange, 200, "application/json", "{\"errorEntries\":[]}");
            default -> respond(exchange, 400, "application/json", "{\"message\":\"unknown service " + call.service()
                    + " " + target + "\"}");
        }
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("x-amzn-RequestId", "r-1");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
