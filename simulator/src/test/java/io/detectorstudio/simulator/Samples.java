package io.detectorstudio.simulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.io.ModelLoader;
import io.detectorstudio.engine.runtime.Message;
import java.nio.file.Path;

/** The repository's samples as test data: the motor model (keyed, BATCH) and the heartbeat (keyless, timers). */
public final class Samples {

    public static final Path DIR = Path.of("..", "samples").toAbsolutePath().normalize();
    public static final Path MOTOR = DIR.resolve("motor/model.json");
    public static final Path HEARTBEAT = DIR.resolve("device-heartbeat/model.json");
    public static final String HEARTBEAT_INPUT = "AWS_IoTEvents_Blueprints_Heartbeat_Input";

    private Samples() {
    }

    public static ObjectNode model(Path file) {
        try {
            return new ModelLoader().load(file).model(null).request();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PressureInput message for motor {@code key} with {@code pressure}. */
    public static Message pressure(String key, int pressure) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("motorid", key);
        payload.putObject("sensorData").put("pressure", pressure);
        return new Message("PressureInput", null, payload, null);
    }

    public static Message heartbeat() {
        ObjectNode payload = JsonNodeFactory.instance.objectNode().put("value", 1);
        return new Message(HEARTBEAT_INPUT, null, payload, null);
    }
}
