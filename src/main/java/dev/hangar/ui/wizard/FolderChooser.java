package dev.hangar.ui.wizard;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/** Asks for a folder: a DirectoryChooser in the app, a fixed answer in tests (a native dialog cannot be driven headless). */
@FunctionalInterface
interface FolderChooser {

    Optional<Path> choose(Window owner, String title);

    static FolderChooser system() {
        return (owner, title) -> {
            javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
            chooser.setTitle(title);
            return Optional.ofNullable(chooser.showDialog(owner)).map(java.io.File::toPath);
        };
    }
}
