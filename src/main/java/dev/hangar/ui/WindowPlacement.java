package dev.hangar.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The window's size, position and theme, remembered in {@code <home>/window.json} between runs.
 * A bad or missing file only means the default placement.
 */
public record WindowPlacement(double x, double y, double width, double height, boolean maximized, Theme theme) {

    /** Made ready on first use: with no window.json yet (a first start), the first frame does not wait for Jackson. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    public static Optional<WindowPlacement> load(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Json.MAPPER.readValue(file.toFile(), WindowPlacement.class)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Remembers the theme at once, keeping the window's saved place: saved only when the window closes, a choice was
     * lost whenever the app did not close its window (ended by the system, killed, crashed).
     */
    public static void saveTheme(Path file, Theme theme) {
        load(file).map(p -> new WindowPlacement(p.x, p.y, p.width, p.height, p.maximized, theme))
                .orElse(new WindowPlacement(0, 0, 0, 0, false, theme)) // too small to apply: only the theme counts
                .save(file);
    }

    public static WindowPlacement of(Stage stage, Theme theme) {
        return new WindowPlacement(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized(), theme);
    }

    public void save(Path file) {
        try {
            Files.createDirectories(file.getParent());
            // Atomic: a crash while saving must not leave a half-written file that loses the place next time.
            AtomicFiles.write(file, Json.MAPPER.writeValueAsBytes(this));
        } catch (IOException e) {
            // Losing the window's place is not worth an error on exit.
        }
    }

    /** Puts the stage where it was, unless that place is no longer on any screen (a monitor was unplugged). */
    public void applyTo(Stage stage) {
        if (width < 200 || height < 200) {
            return;
        }
        stage.setWidth(width);
        stage.setHeight(height);
        if (!Screen.getScreensForRectangle(new Rectangle2D(x, y, width, height)).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(maximized);
    }
}
