package io.detectorstudio.engine.model;

import java.util.List;
import java.util.Optional;

/**
 * A CreateDetectorModel request: the unit Detector Studio reads, edits, validates, runs and writes.
 * {@code key}, {@code roleArn}, {@code detectorModelDescription} and {@code evaluationMethod} may be {@code null}
 * (absent; the service default evaluation method is {@code BATCH}).
 */
public record DetectorModel(String detectorModelName, DetectorModelDefinition detectorModelDefinition,
                            String detectorModelDescription, String key, String roleArn, List<Tag> tags,
                            String evaluationMethod) {

    public DetectorModel {
        tags = List.copyOf(tags);
    }

    public DetectorModel withDetectorModelName(String name) {
        return new DetectorModel(name, detectorModelDefinition, detectorModelDescription, key, roleArn, tags,
                evaluationMethod);
    }

    public DetectorModel withDetectorModelDefinition(DetectorModelDefinition definition) {
        return new DetectorModel(detectorModelName, definition, detectorModelDescription, key, roleArn, tags,
                evaluationMethod);
    }

    public DetectorModel withDetectorModelDescription(String description) {
        return new DetectorModel(detectorModelName, detectorModelDefinition, description, key, roleArn, tags,
                evaluationMethod);
    }

    public DetectorModel withKey(String key) {
        return new DetectorModel(detectorModelName, detectorModelDefinition, detectorModelDescription, key, roleArn,
                tags, evaluationMethod);
    }

    public DetectorModel withRoleArn(String roleArn) {
        return new DetectorModel(detectorModelName, detectorModelDefinition, detectorModelDescription, key, roleArn,
                tags, evaluationMethod);
    }

    public DetectorModel withTags(List<Tag> tags) {
        return new DetectorModel(detectorModelName, detectorModelDefinition, detectorModelDescription, key, roleArn,
                tags, evaluationMethod);
    }

    public DetectorModel withEvaluationMethod(String evaluationMethod) {
        return new DetectorModel(detectorModelName, detectorModelDefinition, detectorModelDescription, key, roleArn,
                tags, evaluationMethod);
    }

    /** The states of the definition (empty when there is no definition). */
    public List<State> states() {
        return detectorModelDefinition == null ? List.of() : detectorModelDefinition.states();
    }

    /** The first state with that name. */
    public Optional<State> state(String name) {
        return detectorModelDefinition == null ? Optional.empty() : detectorModelDefinition.state(name);
    }

    /** Every event with its JSON path (see {@link DetectorModelDefinition#events()}). */
    public List<LocatedEvent> events() {
        return detectorModelDefinition == null ? List.of() : detectorModelDefinition.events();
    }

    /** Every expression/template field with its JSON path (see {@link DetectorModelDefinition#expressionFields()}). */
    public List<ExpressionField> expressionFields() {
        return detectorModelDefinition == null ? List.of() : detectorModelDefinition.expressionFields();
    }
}
