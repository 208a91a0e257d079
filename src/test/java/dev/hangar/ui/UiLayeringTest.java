package dev.hangar.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The layering the UI's clean-up set up, checked on the sources: which package may import which. */
class UiLayeringTest {

    private static final Path MAIN = Path.of("src/main/java/dev/hangar");

    @Test
    void theMonitorAndTheSharedUiPackagesDoNotImportTheWizard() {
        assertThat(importing("dev.hangar.ui.wizard", "ui/monitor", "ui/session", "ui/concurrent", "ui/auth")).isEmpty();
        assertThat(importing("dev.hangar.ui.wizard", "ui").stream().filter(f -> !f.contains("/ui/wizard/")).toList()).isEmpty();
    }

    @Test
    void onlyTheAppImportsTheApp() {
        assertThat(importing("dev.hangar.app", "ui", "engine")).isEmpty();
    }

    @Test
    void theEngineFactoryKnowsNothingAboveIt() {
        assertThat(importing("dev.hangar.ui", "engine")).isEmpty();
        assertThat(importing("dev.hangar.cli", "engine")).isEmpty();
        assertThat(importing("javafx", "engine")).isEmpty();
    }

    /** The files under these folders of the main sources that import from the package. */
    private static List<String> importing(String pkg, String... folders) {
        return Stream.of(folders).map(MAIN::resolve).flatMap(UiLayeringTest::javaFiles)
                .filter(f -> read(f).lines().anyMatch(l -> l.startsWith("import " + pkg + ".") || l.startsWith("import static " + pkg + ".")))
                .map(Path::toString).toList();
    }

    private static Stream<Path> javaFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
