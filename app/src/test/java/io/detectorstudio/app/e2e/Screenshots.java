package io.detectorstudio.app.e2e;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.robot.Robot;
import javafx.stage.Screen;
import javax.imageio.ImageIO;

/** Whole-screen pictures (window manager decorations included) written as PNG for a reviewer to look at. */
final class Screenshots {

    private Screenshots() {
    }

    /** The primary screen as pixels; call on the FX thread. */
    static BufferedImage captureScreen() {
        Rectangle2D bounds = Screen.getPrimary().getBounds();
        WritableImage image = new Robot().getScreenCapture(null, bounds, false);
        return toBuffered(image);
    }

    static BufferedImage toBuffered(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return out;
    }

    static Path write(BufferedImage image, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
