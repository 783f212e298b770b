package io.detectorstudio.flink;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Message lines for the motor sample (pressure readings) and the LoRaWAN gateway watchdog sample (connection
 * status; a disconnect longer than its 300 s timer fires it), in rounds one virtual minute apart.
 */
final class Workload {

    private Workload() {
    }

    static List<String> lines(int rounds, int motors, int gateways) {
        List<String> lines = new ArrayList<>();
        long start = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < motors; i++) {
                int pressure = (i + r) % 4 == 0 ? 80 : 60;
                lines.add("{\"inputName\":\"PressureInput\",\"messageId\":\"m" + r + "-" + i + "\",\"payload\":{\"motorid\":\"motor-"
                        + i + "\",\"sensorData\":{\"pressure\":" + pressure + ",\"temperature\":39}}}");
            }
            for (int j = 0; j < gateways; j++) {
                String status = (r / (j + 3)) % 2 == 0 ? "Connected" : "Disconnected";
                long now = start + r * 60_000L;
                lines.add("{\"inputName\":\"LoRaWANGatewayConnectivityStatusInput\",\"messageId\":\"g" + r + "-" + j
                        + "\",\"payload\":{\"gatewayid\":\"gw-" + j + "\",\"last_uplink_received_timestamp_ms\":" + now
                        + ",\"last_connection_status\":\"" + status + "\",\"timestamp_iso8601\":\"" + Instant.ofEpochMilli(now) + "\"}}");
            }
            lines.add("{\"advance\":\"PT60S\"}");
        }
        return lines;
    }
}
