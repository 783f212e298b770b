package io.detectorstudio.delivery.transport;

import io.detectorstudio.delivery.bindings.Bindings.Aws;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.iotsitewise.IoTSiteWiseClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * AWS SDK v2 clients, one per service and settings, made on first use and shared. Credentials come from the
 * named profile or the SDK's default chain; the region from the settings, else from the target's ARN or queue
 * URL, else the SDK's default chain. The SDK's own retries are off: the delivery lane retries, with backoff, and
 * keeps the target's order while it does.
 */
public final class AwsClients implements AutoCloseable {

    private static final Pattern ARN_REGION = Pattern.compile("^arn:[^:]+:[^:]+:([a-z0-9-]+):");
    private static final Pattern URL_REGION = Pattern.compile("^https?://[a-z0-9-]+\\.([a-z]{2}(-[a-z]+)+-\\d)\\.");

    private final SdkHttpClient http = UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(5))
            .socketTimeout(Duration.ofSeconds(30)).build();
    private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();
    private final Duration callTimeout;

    public AwsClients(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    public SnsClient sns(Aws settings, String target) {
        return client("sns", settings, target, SnsClient.builder());
    }

    public SqsClient sqs(Aws settings, String target) {
        return client("sqs", settings, target, SqsClient.builder());
    }

    public LambdaClient lambda(Aws settings, String target) {
        return client("lambda", settings, target, LambdaClient.builder());
    }

    public FirehoseClient firehose(Aws settings, String target) {
        return client("firehose", settings, target, FirehoseClient.builder());
    }

    public DynamoDbClient dynamoDb(Aws settings, String target) {
        return client("dynamodb", settings, target, DynamoDbClient.builder());
    }

    public IoTSiteWiseClient siteWise(Aws settings, String target) {
        return client("iotsitewise", settings, target, IoTSiteWiseClient.builder());
    }

    @SuppressWarnings("unchecked")
    private <C extends SdkClient, B extends AwsClientBuilder<B, C>> C client(String service, Aws settings, String target,
                                                                             B builder) {
        String region = settings.region() != null ? settings.region() : regionOf(target);
        String key = service + "|" + region + "|" + settings.profile() + "|" + settings.endpoint();
        return (C) clients.computeIfAbsent(key, k -> {
            AwsCredentialsProvider credentials = settings.profile() != null
                    ? ProfileCredentialsProvider.create(settings.profile()) : DefaultCredentialsProvider.builder().build();
            builder.credentialsProvider(credentials)
                    .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(callTimeout));
            if (region != null) {
                builder.region(Region.of(region));
            }
            if (settings.endpoint() != null) {
                // a local stand-in or a VPC endpoint: no "data." host prefix (SiteWise) in front of its address
                builder.endpointOverride(settings.endpoint()).overrideConfiguration(o -> o
                        .retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(callTimeout)
                        .putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true));
            }
            if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
                sync.httpClient(http);
            }
            return builder.build();
        });
    }

    /** The region an ARN or an SQS queue URL names, or null. */
    static String regionOf(String target) {
        if (target == null) {
            return null;
        }
        Matcher arn = ARN_REGION.matcher(target);
        if (arn.find()) {
            return arn.group(1);
        }
        Matcher url = URL_REGION.matcher(target);
        return url.find() ? url.group(1) : null;
    }

    @Override
    public void close() {
        clients.values().forEach(SdkClient::close);
        http.close();
    }
}
