package io.detectorstudio.engine.validation;

/**
 * One family of checks on a detector model. Implementations outside this package (expression syntax, model
 * analysis) register themselves in {@code META-INF/services/io.detectorstudio.engine.validation.ModelCheck} and
 * are picked up by {@link Validator} without changes here.
 */
public interface ModelCheck {

    void check(ValidationContext context, FindingSink sink);
}
