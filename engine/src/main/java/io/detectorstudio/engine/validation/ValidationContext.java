package io.detectorstudio.engine.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detectorstudio.engine.io.LoadedInput;
import java.util.List;

/**
 * What a check sees: the model in request shape, and the input definitions passed with it.
 *
 * @param inputsGiven true when the user passed input definitions, so unknown input names can be reported
 */
public record ValidationContext(ObjectNode model, List<LoadedInput> inputs, boolean inputsGiven) {
}
