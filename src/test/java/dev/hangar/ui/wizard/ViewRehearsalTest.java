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
    void theGpuTypeTablesRehearsalMakesARowAndLeavesTheTableAsItWasEvenWhenCutShort() throws Exception {
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
                int rowsMade = view.root().lookupAll(".table-row-cell").size();
                int rowsLeft = table.getItems().size();
                int columnsLeft = table.getVisibleLeafColumns().size();
                // Cut short: the step is shown (entered) after two parts.
                List<Runnable> again = view.controller().rehearsal();
                again.get(0).run();
                again.get(1).run();
                int columnsMidway = table.getVisibleLeafColumns().size();
                view.controller().entered();
                seen.complete(List.of(parts.size(), rowsMade, rowsLeft, columnsLeft, columnsMidway, table.getItems().size(),
                        table.getVisibleLeafColumns().size()));
            } catch (RuntimeException e) {
                seen.completeExceptionally(e);
            }
        });
        List<Integer> s = seen.get(1, java.util.concurrent.TimeUnit.MINUTES);
        assertThat(s.get(0)).as("rehearsal parts (frames)").isGreaterThan(2);
        assertThat(s.get(1)).as("table rows made").isPositive();
        assertThat(s.get(2)).as("rows left in the table").isZero();
        assertThat(s.get(3)).as("columns left visible").isEqualTo(10);
        assertThat(s.get(4)).as("columns visible midway").isBetween(2, 9);
        assertThat(s.get(5)).as("rows once the step is shown midway").isZero();
        assertThat(s.get(6)).as("columns once the step is shown midway").isEqualTo(10);
    }
}
