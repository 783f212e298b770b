package io.detectorstudio.delivery.transport;

import io.detectorstudio.delivery.Outgoing;
import io.detectorstudio.delivery.bindings.Bindings.Webhook;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * POSTs what the target would have received to a URL (for users who replace a Lambda or a queue by their own
 * service): the message text for SNS/SQS/Lambda/Firehose/MQTT targets, the {@code delivered} request as JSON for
 * DynamoDB and SiteWise. Headers {@code X-Detector-Studio-Action-Type} and {@code -Target} say what it was for.
 * Any status outside 2xx is a failure, retried.
 */
public final class WebhookTransport implements Transport {

    private final HttpClient http;
    private final Webhook destination;

    public WebhookTransport(HttpClient http, Webhook destination) {
        this.http = http;
        this.destination = destination;
    }

    @Override
    public void send(Outgoing outgoing, Duration timeout) throws Exception {
        String body = outgoing.body();
        String trimmed = body.stripLeading();
        HttpRequest.Builder request = HttpRequest.newBuilder(destination.url()).timeout(timeout)
                .header("Content-Type", trimmed.startsWith("{") || trimmed.startsWith("[")
                        ? "application/json" : "text/plain; charset=utf-8")
                .header("X-Detector-Studio-Action-Type", outgoing.type())
                .header("X-Detector-Studio-Target", outgoing.target())
                .POST(HttpRequest.BodyPublishers.ofString(body));
        destination.headers().forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            String text = response.body() == null ? "" : response.body();
            throw new IOException("HTTP " + response.statusCode() + " from " + destination.url()
                    + (text.isBlank() ? "" : ": " + (text.length() > 200 ? text.substring(0, 200) + "…" : text)));
        }
    }
}
