package dev.hangar.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    @Test
    void theGpuTypeTablesRehearsalMakesARowAndLeavesTheTableEmptyWithEveryColumn() throws Exception {
        ViewRehearsal.run(scratch); // the toolkit, on the headless screen
        var seen = new java.util.concurrent.CompletableFuture<List<Integer>>();
        javafx.application.Platform.runLater(() -> {
            try {
                var view = ViewRehearsal.Idle.in(scratch).steps().get(WizardStep.INSTANCE_TYPE);
                new javafx.scene.Scene(new javafx.scene.layout.StackPane(view.root()), WizardWindow.WIDTH, WizardWindow.HEIGHT);
                var table = (javafx.scene.control.TableView<?>) view.root().lookup("#typeTable");
                List<Runnable> parts = view.controller().rehearsal();
                for (Runnable part : parts) {
                    part.run();
                    view.root().applyCss();
                    view.root().layout();
                }
                seen.complete(List.of(parts.size(), view.root().lookupAll(".table-row-cell").size(), table.getItems().size(),
                        table.getVisibleLeafColumns().size(), table.getColumns().size()));
            } catch (RuntimeException e) {
                seen.completeExceptionally(e);
            }
        });
        List<Integer> s = seen.get(1, java.util.concurrent.TimeUnit.MINUTES);
        assertThat(s.get(0)).as("rehearsal parts").isEqualTo(2);
        assertThat(s.get(1)).as("table rows made").isPositive();
        assertThat(s.get(2)).as("rows left in the table").isZero();
        assertThat(s.get(3)).as("columns left visible").isEqualTo(s.get(4)).isEqualTo(10);
    }
}
