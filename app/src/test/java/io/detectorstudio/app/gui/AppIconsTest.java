package io.detectorstudio.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class AppIconsTest {

    @Start
    void start(Stage stage) {
        stage.show();
    }

    @Test
    void everyIconSizeIsInTheJarAndDecodesToItsSize() {
        assertThat(AppIcons.load()).extracting(Image::getWidth, Image::getHeight, Image::isError)
                .containsExactly(
                        tuple(16.0, 16.0, false),
                        tuple(24.0, 24.0, false),
                        tuple(32.0, 32.0, false),
                        tuple(48.0, 48.0, false),
                        tuple(64.0, 64.0, false),
                        tuple(128.0, 128.0, false),
                        tuple(256.0, 256.0, false));
    }
}
