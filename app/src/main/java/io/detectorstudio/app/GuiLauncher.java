package io.detectorstudio.app;

/** Starts the JavaFX application by name, so that the headless CLI never loads a JavaFX class. */
final class GuiLauncher {

    static final String APPLICATION_CLASS = "io.detectorstudio.app.gui.StudioLauncher";

    private GuiLauncher() {
    }

    static int launch(String[] args) {
        try {
            Class<?> launcher = Class.forName(APPLICATION_CLASS);
            launcher.getMethod("launchGui", String[].class).invoke(null, (Object) args);
            return 0;
        } catch (ReflectiveOperationException | LinkageError e) {
            System.err.println("detector-studio: cannot start the GUI: " + GuiStartFailure.describe(e) + ". "
                    + "Headless commands still work: run 'detector-studio --help'.");
            return 2;
        }
    }
}
