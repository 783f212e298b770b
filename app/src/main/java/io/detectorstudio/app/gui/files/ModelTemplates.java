package io.detectorstudio.app.gui.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The models "New model" starts from: each a valid request-shaped model bundled as a resource. */
public enum ModelTemplates {
    EMPTY("Empty model", "one state waiting for an input", "empty.json"),
    ALARM("Threshold alarm", "Normal ⇄ Alarm on a reading above a threshold, publishes on entry", "alarm.json"),
    HEARTBEAT("Heartbeat watchdog", "Online ⇄ Offline when no heartbeat for five minutes (timer)", "heartbeat.json");

    private final String title;
    private final String description;
    private final String resource;

    ModelTemplates(String title, String description, String resource) {
        this.title = title;
        this.description = description;
        this.resource = resource;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public byte[] bytes() {
        try (InputStream in = ModelTemplates.class.getResourceAsStream("/io/detectorstudio/app/gui/templates/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("template resource missing: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<ModelTemplates> all() {
        return List.of(values());
    }
}
