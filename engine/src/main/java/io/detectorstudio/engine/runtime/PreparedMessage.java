package io.detectorstudio.engine.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A BatchPutMessage entry already read for the engine's models ({@link Engine#prepare}): for every model that
 * reads its input, the key value and the values at the {@code $input} paths it reads. From JSON bytes these come
 * straight from Jackson's streaming parser and no tree is built unless a trace or an action needs the whole
 * payload. Reading is separate from {@link Engine#putPrepared} so that it can happen before, or elsewhere: a
 * prepared message holds no engine state, and one read for models that have since changed is read again.
 */
public final class PreparedMessage {

    /** How the engine parses payload bytes: as a default {@code ObjectMapper.readTree} does. */
    static final ObjectMapper JSON = new ObjectMapper();

    private Message message;
    /*
     * The message's fields and route 0's reading, copied here: a cycle of a prepared message then reads this one
     * object, not the Message, the readings array and its Reading (each a cache miss when messages stream by).
     */
    final String inputName;
    final String messageId;
    final Long timestampMillis;
    /** the key value read for route 0, or null */
    final String firstKey;
    /** the values read for route 0, or null */
    final io.detectorstudio.engine.expr.Value[] firstValues;
    /** the bytes the message was read from, while its tree has not been needed; else null */
    private byte[] json;
    /** the engine's routes of the input when it was read (identity: a model change makes new ones), or null */
    final Object routes;
    /** which reading of the engine's routes this is ({@code Engine}'s token, new at every model change) */
    final Object routesToken;
    /**
     * by route: what its model reads of the payload; null when the engine has to read the tree itself. Non-null
     * means the payload is a JSON object.
     */
    final PayloadReader.Reading[] readings;

    PreparedMessage(Message message, byte[] json, Object routes, Object routesToken,
                    PayloadReader.Reading[] readings) {
        this.message = message;
        this.inputName = message.inputName();
        this.messageId = message.messageId();
        this.timestampMillis = message.timestampMillis();
        this.json = json;
        this.routes = routes;
        this.routesToken = routesToken;
        this.readings = readings;
        boolean first = readings != null && readings.length > 0;
        this.firstKey = first ? readings[0].key() : null;
        this.firstValues = first ? readings[0].values() : null;
    }

    public String inputName() {
        return inputName;
    }

    public String messageId() {
        return messageId;
    }

    /** The key value read for this route. */
    String key(int route) {
        return route == 0 ? firstKey : readings[route].key();
    }

    /** The values read for this route. */
    io.detectorstudio.engine.expr.Value[] values(int route) {
        return route == 0 ? firstValues : readings[route].values();
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
