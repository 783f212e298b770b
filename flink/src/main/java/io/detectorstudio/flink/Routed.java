package io.detectorstudio.flink;

/** A message on its way to one detector instance: the Flink key is {@link #detector()} (model and key value). */
public class Routed {

    public String model;
    /** the key value (§C.1); empty for a keyless model's single instance */
    public String keyValue;
    public String inputName;
    public String messageId;
    public String payload;
    public long time;

    public Routed() {
    }

    Routed(String model, String keyValue, Envelope e) {
        this.model = model;
        this.keyValue = keyValue;
        this.inputName = e.inputName;
        this.messageId = e.messageId;
        this.payload = e.payload;
        this.time = e.time;
    }

    static String detector(String model, String keyValue) {
        return model + '\u0000' + keyValue;
    }

    String detector() {
        return detector(model, keyValue);
    }
}
