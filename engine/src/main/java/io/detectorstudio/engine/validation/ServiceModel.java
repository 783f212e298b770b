package io.detectorstudio.engine.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The botocore service model of a service (shapes with their members, required lists, lengths, patterns, enums),
 * loaded from the engine's resources. Validation is driven by it rather than by retyped constants, so a rule is
 * exactly what the service declared.
 */
public final class ServiceModel {

    public static final String CONTROL_PLANE = "iotevents-2018-07-27.service-2.json";
    public static final String DATA_PLANE = "iotevents-data-2018-10-23.service-2.json";

    private static final Map<String, ServiceModel> LOADED = new ConcurrentHashMap<>();

    private final JsonNode shapes;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    private ServiceModel(JsonNode shapes) {
        this.shapes = shapes;
    }

    public static ServiceModel controlPlane() {
        return load(CONTROL_PLANE);
    }

    public static ServiceModel dataPlane() {
        return load(DATA_PLANE);
    }

    private static ServiceModel load(String file) {
        return LOADED.computeIfAbsent(file, f -> {
            try (InputStream in = ServiceModel.class.getResourceAsStream("/io/detectorstudio/engine/servicemodel/" + f)) {
                if (in == null) {
                    throw new IllegalStateException("service model resource missing: " + f);
                }
                return new ServiceModel(new ObjectMapper().readTree(in).get("shapes"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The shape definition ({@code type}, {@code members}, {@code min}, ...) or a missing node. */
    public JsonNode shape(String name) {
        return shapes.path(name);
    }

    Pattern pattern(String regex) {
        return patterns.computeIfAbsent(regex, Pattern::compile);
    }
}
