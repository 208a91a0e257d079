package dev.hangar.ui.wizard;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/** Asks where to save a file: a FileChooser in the app, a fixed folder in tests (a native dialog cannot be driven headless). */
@FunctionalInterface
public interface FileSaver {

    Optional<Path> choose(Window owner, String title, String suggestedName);

    static FileSaver chooser() {
        return (owner, title, suggestedName) -> {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setTitle(title);
            chooser.setInitialFileName(suggestedName);
            return Optional.ofNullable(chooser.showSaveDialog(owner)).map(java.io.File::toPath);
        };
    }
}
