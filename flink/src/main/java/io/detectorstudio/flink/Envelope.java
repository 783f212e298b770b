package io.detectorstudio.flink;

/**
 * One line of the message stream once its time is known (a Flink POJO): a BatchPutMessage entry, or a tick that
 * only moves event time ({@code {"advance": ...}} in a message file). {@code payload} is the JSON text.
 */
public class Envelope {

    public boolean tick;
    /** where it came from (line number of the message file; 0 for Kafka and forwarded messages) */
    public long line;
    public String inputName;
    public String messageId;
    public String payload;
    /** epoch milliseconds: the message's timestamp, or the virtual clock for a message without one */
    public long time;
    /**
     * a forwarded iotEvents message's partition key: the key value of the detector it is for (the model name for
     * a keyless one; the sender's when it is for several keys); null otherwise
     */
    public String key;

    public Envelope() {
    }

    static Envelope message(long line, String inputName, String messageId, String payload, long time) {
        Envelope e = new Envelope();
        e.line = line;
        e.inputName = inputName;
        e.messageId = messageId;
        e.payload = payload;
        e.time = time;
        return e;
    }

    /** The message as a message line (a BatchPutMessage entry with its payload as JSON and epoch-millis timestamp). */
    String toLine() {
        return "{\"inputName\":" + quote(inputName) + (messageId == null ? "" : ",\"messageId\":" + quote(messageId))
                + ",\"payload\":" + payload + ",\"timestamp\":" + time + "}";
    }

    private static String quote(String s) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(s).toString();
    }

    static Envelope tick(long line, long time) {
        Envelope e = new Envelope();
        e.tick = true;
        e.line = line;
        e.time = time;
        return e;
    }
}
