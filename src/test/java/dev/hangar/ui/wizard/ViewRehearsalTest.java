package dev.hangar.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class-data archive's rehearsal builds every step's view, on the headless screen, and writes nothing of the user's. */
class ViewRehearsalTest {

    @TempDir Path scratch;

    @Test
    void buildsEveryStepsViewInBothThemesWithoutStartingWhatTheyStart() throws Exception {
        assertThat(ViewRehearsal.run(scratch)).isEqualTo(2 * WizardStep.values().length);
        // The engine's home is the scratch folder; no launch, journal or cache was written there.
        try (var files = Files.walk(scratch)) {
            assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
        }
    }
}
