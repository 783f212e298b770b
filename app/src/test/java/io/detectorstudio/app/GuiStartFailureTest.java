package io.detectorstudio.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import org.junit.jupiter.api.Test;

/** Issue 15, defect 12: the launcher names why the GUI cannot start (the real jar: e2e.GuiPrerequisitesE2E). */
class GuiStartFailureTest {

    @Test
    void namesGtkAndThePackageToInstall() {
        var failure = new InvocationTargetException(new UnsupportedOperationException("Unable to load glass GTK library."));
        assertThat(GuiStartFailure.describe(failure)).startsWith("JavaFX could not load GTK 3: install libgtk-3-0");
    }

    @Test
    void namesAMissingDisplay() {
        var failure = new InvocationTargetException(new UnsupportedOperationException("Unable to open DISPLAY"));
        assertThat(GuiStartFailure.describe(failure)).startsWith("there is no display to open the window on");
    }

    @Test
    void anythingElseIsNamedByItsRootCause() {
        var failure = new InvocationTargetException(new RuntimeException("wrapper", new IllegalStateException("boom")));
        assertThat(GuiStartFailure.describe(failure)).isEqualTo("java.lang.IllegalStateException: boom");
    }
}
