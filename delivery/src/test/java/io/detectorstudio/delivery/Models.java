package io.detectorstudio.delivery;

import io.detectorstudio.engine.io.ModelLoader;
import io.detectorstudio.engine.runtime.Clock;
import io.detectorstudio.engine.runtime.Engine;
import io.detectorstudio.engine.runtime.EngineOptions;
import java.nio.file.Path;

/** The samples as test data. */
final class Models {

    static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();

    private Models() {
    }

    /** A wall-clock engine running samples/NAME/model.json. */
    static Engine engine(String sample) throws Exception {
        Engine engine = new Engine(EngineOptions.DEFAULTS, Clock.system());
        engine.putModel(new ModelLoader().load(SAMPLES.resolve(sample).resolve("model.json")).model(null).request());
        return engine;
    }
}
