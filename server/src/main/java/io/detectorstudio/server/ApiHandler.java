package io.detectorstudio.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.data.ServiceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * HTTP ↔ operations: routes the call, checks the signature, reads and parses the body (size-limited), and writes
 * the answer — or the service's error shape: status, {@code x-amzn-ErrorType} and {@code {"message": …}}. Nothing
 * a client sends yields a 500; an unexpected failure is logged and answered as {@code InternalFailureException}.
 * The answer of a change is written when the journal made it durable, without holding a thread meanwhile.
 */
final class ApiHandler extends Handler.Abstract {

    private final Router router = new Router();
    private final Operations operations;
    private final SigV4Verifier verifier;
    private final int maxBodyBytes;
    /** The most of a refused body read and dropped before the 413 is sent (see {@link #drain}). */
    private static final long DRAIN_LIMIT = 16L << 20;
    private final Metrics metrics;
    private final LogFiles logs;
    private final RequestIds requestIds = new RequestIds();
    private final Executor responses;

    ApiHandler(Operations operations, SigV4Verifier verifier, int maxBodyBytes, Metrics metrics, LogFiles logs,
               Executor responses) {
        this.responses = responses;
        this.operations = operations;
        this.verifier = verifier;
        this.maxBodyBytes = maxBodyBytes;
        this.metrics = metrics;
        this.logs = logs;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long start = System.nanoTime();
        metrics.requests.increment();
        String method = request.getMethod();
        String path = request.getHttpURI().getPath();
        String[] operation = {"-"};
        try {
            Router.Match match = router.route(method, path);
            operation[0] = match.operation();
            byte[] body = readBody(request);
            if (verifier != null) {
                verifier.verify(method, path, request.getHttpURI().getQuery(), request.getHeaders(), body);
            }
            ApiRequest apiRequest = new ApiRequest(match.operation(), match.pathParameters(), query(request),
                    parse(body), body);
            // answered on the HTTP pool: the journal's thread goes straight back to committing
            operations.call(apiRequest).whenCompleteAsync((answer, failure) -> {
                if (failure != null) {
                    fail(response, callback, failure, method, path, operation[0], start);
                } else {
                    send(response, callback, answer.status(), answer.body(), null, method, path, operation[0], start);
                }
            }, responses);
        } catch (RuntimeException e) {
            fail(response, callback, e, method, path, operation[0], start);
        }
        return true;
    }

    private byte[] readBody(Request request) {
        long declared = request.getLength();
        try (InputStream in = Content.Source.asInputStream(request)) {
            if (declared > maxBodyBytes) {
                drain(in, declared);
                throw Errors.tooLarge("the request body has " + declared + " bytes; at most " + maxBodyBytes + " are accepted");
            }
            // a declared length is read into an array of that size (Jetty holds the body to it)
            byte[] body = in.readNBytes(declared >= 0 ? (int) declared : maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                drain(in, DRAIN_LIMIT);
                throw Errors.tooLarge("the request body exceeds " + maxBodyBytes + " bytes");
            }
            return body;
        } catch (IOException e) {
            throw Errors.invalidRequest("the request body could not be read: " + e.getMessage());
        }
    }

    /**
     * Reads and drops a refused body (up to {@link #DRAIN_LIMIT}) so that a client still sending it reads the 413
     * answer instead of a broken connection; beyond the limit the connection is closed with the answer.
     */
    private static void drain(InputStream in, long declared) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        long left = Math.min(declared < 0 ? DRAIN_LIMIT : declared, DRAIN_LIMIT);
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                return;
            }
            left -= n;
        }
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return Store.JSON.createObjectNode();
        }
        JsonNode node;
        try {
            node = Store.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw Errors.invalidRequest("the request body is not valid JSON" + (at == null ? "" : " (line "
                    + at.getLineNr() + ", column " + at.getColumnNr() + ")") + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw Errors.invalidRequest("the request body could not be read: " + e.getMessage());
        }
        if (node == null || node.isMissingNode()) {
            return Store.JSON.createObjectNode();
        }
        if (!node.isObject()) {
            throw Errors.invalidRequest("the request body must be a JSON object, not " + node.getNodeType().name()
                    .toLowerCase());
        }
        return node;
    }

    private static Map<String, List<String>> query(Request request) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Fields fields = Request.extractQueryParameters(request);
        for (Fields.Field f : fields) {
            out.put(f.getName(), new ArrayList<>(f.getValues()));
        }
        return out;
    }

    private void fail(Response response, Callback callback, Throwable failure, String method, String path,
                      String operation, long start) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        ServiceException error;
        if (cause instanceof ServiceException s) {
            error = s;
        } else {
            System.err.println("serve: " + operation + " failed unexpectedly: " + cause);
            cause.printStackTrace();
            error = Errors.internal("the server failed on this request (" + cause.getClass().getSimpleName()
                    + "); the details are in its log");
        }
        ObjectNode body = Store.JSON.createObjectNode().put("message", error.getMessage());
        if (error instanceof ResourceAlreadyExists exists) {
            body.put("resourceId", exists.resourceId()).put("resourceArn", exists.resourceArn());
        }
        send(response, callback, error.httpStatus(), body, error.errorCode(), method, path, operation, start);
    }

    private void send(Response response, Callback callback, int status, JsonNode body, String errorType,
                      String method, String path, String operation, long start) {
        if (status >= 500) {
            metrics.serverErrors.increment();
        } else if (status >= 400) {
            metrics.clientErrors.increment();
        }
        response.setStatus(status);
        response.getHeaders().put("x-amzn-RequestId", requestIds.next());
        if (errorType != null) {
            response.getHeaders().put("x-amzn-ErrorType", errorType);
        }
        logs.request(method, path, operation, status, (System.nanoTime() - start) / 1_000_000,
                errorType == null ? null : errorType);
        if (body == null) {
            response.write(true, null, callback);
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(json(body)), callback);
    }

    private static byte[] json(JsonNode body) {
        try {
            return Store.JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            return body.toString().getBytes(StandardCharsets.UTF_8); // a tree always serialises; kept for the compiler
        }
    }
}
