package io.detectorstudio.engine.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A BatchPutMessage entry already read for the engine's models ({@link Engine#prepare}): for every model that
 * reads its input, the key value and the values at the {@code $input} paths it reads. From JSON bytes these come
 * straight from the bytes ({@link PayloadReader}) and no tree is built unless a trace or an action needs the whole
 * payload. Reading is separate from {@link Engine#putPrepared} so that it can happen before, or elsewhere: a
 * prepared message holds no engine state, and one read for models that have since changed is read again.
 */
public final class PreparedMessage {

    /** How the engine parses payload bytes: as a default {@code ObjectMapper.readTree} does. */
    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * the message's input, id and time, copied: putting a prepared message reads these and the readings, not the
     * {@link Message} (read from a tree, it lies beside its payload tree: one more cache miss per message)
     */
    private final String inputName;
    private final String messageId;
    private final Long timestampMillis;
    private Message message;
    /** the bytes the message was read from, while its tree has not been needed; else null */
    private byte[] json;
    /** the engine's routes of the input when it was read (identity: a model change makes new ones), or null */
    final Object routes;
    /** by route: what its model reads of the payload; null when the engine has to read the tree itself */
    final PayloadReading[] readings;

    PreparedMessage(Message message, byte[] json, Object routes, PayloadReading[] readings) {
        this.inputName = message.inputName();
        this.messageId = message.messageId();
        this.timestampMillis = message.timestampMillis();
        this.message = message;
        this.json = json;
        this.routes = routes;
        this.readings = readings;
    }

    public String inputName() {
        return inputName;
    }

    public String messageId() {
        return messageId;
    }

    Long timestampMillis() {
        return timestampMillis;
    }

    /** Whether the payload was read from bytes without a tree (then it is a JSON object). */
    boolean streamed() {
        return json != null;
    }

    /** The message as it was, its payload a tree (parsed now if it was read from bytes). */
    public Message message() {
        if (json != null) {
            try {
                message = new Message(message.inputName(), message.messageId(), JSON.readTree(json),
                        message.timestampMillis());
            } catch (IOException e) {
                throw new UncheckedIOException(e); // cannot happen: the streaming read accepted the same bytes
            }
            json = null;
        }
        return message;
    }

    /** The message, its payload null when it was read from bytes (the cycle reads the readings instead). */
    Message withoutTree() {
        return message;
    }
}
