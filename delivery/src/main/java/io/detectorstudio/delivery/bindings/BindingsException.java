package io.detectorstudio.delivery.bindings;

/** A bindings file that cannot be used, with where ({@code FILE:LINE:COL: $.path}) and what would be valid. */
public final class BindingsException extends Exception {

    public BindingsException(String located) {
        super(located);
    }
}
