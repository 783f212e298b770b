package io.detectorstudio.editor.expression;

import io.detectorstudio.engine.io.LoadedInput;
import io.detectorstudio.engine.io.ModelLoader;
import io.detectorstudio.engine.model.DetectorModel;
import io.detectorstudio.engine.model.Input;
import java.nio.file.Path;
import java.util.List;

/** The samples/motor model and its input, as the completion source tests use them. */
final class MotorSymbols {

    static final Path MOTOR = Path.of("..", "samples", "motor");

    private MotorSymbols() {
    }

    static DetectorModel model() throws Exception {
        return new ModelLoader().load(MOTOR.resolve("model.json")).model(null).model();
    }

    static List<Input> inputs() throws Exception {
        return new ModelLoader().load(MOTOR.resolve("inputs/PressureInput.json")).inputs().stream()
                .map(LoadedInput::input).toList();
    }

    static CompletionSource source() throws Exception {
        return ModelSymbols.from(model(), inputs());
    }
}
