package dev.hangar.ui.wizard;

import dev.hangar.auth.AwsSession;
import dev.hangar.catalog.RegionCatalog;
import dev.hangar.catalog.RegionSummary;
import dev.hangar.ui.concurrent.Tasks;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.binding.BooleanExpression;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;

/** The regions, each with the number of GPU types it offers. */
final class RegionStepController implements StepController {

    private final WizardState state;
    private final WizardServices services;
    private final ObservableList<RegionSummary> regions = FXCollections.observableArrayList();
    private final FilteredList<RegionSummary> shown = new FilteredList<>(regions);
    private Object loadedFor = new Object();

    @FXML private TextField regionFilter;
    @FXML private ListView<RegionSummary> regionList;
    @FXML private Label regionError;
    @FXML private Label regionSource;

    RegionStepController(WizardState state, WizardServices services) {
        this.state = state;
        this.services = services;
    }

    @FXML
    private void initialize() {
        regionList.setItems(shown);
        regionList.setCellFactory(list -> new RegionCell());
        regionFilter.textProperty().addListener((obs, old, text) -> {
            String t = text.toLowerCase(Locale.ROOT).trim();
            shown.setPredicate(r -> t.isEmpty() || r.region().contains(t) || RegionNames.of(r.region()).toLowerCase(Locale.ROOT).contains(t));
        });
        regionList.getSelectionModel().selectedItemProperty().addListener((obs, old, r) -> {
            if (r != null) {
                state.region.set(r.region());
            }
        });
        new FieldErrors(state.problems(), "region").show(regionError, "region");
    }

    @Override
    public BooleanExpression canProceed() {
        return new FieldErrors(state.problems(), "region").none();
    }

    @Override
    public void entered() {
        AwsSession session = state.sessionProperty().get();
        if (Objects.equals(loadedFor, session)) {
            return;
        }
        loadedFor = session;
        var catalog = new RegionCatalog(state.clients(), session == null ? null : session.accountId(), services.engine().catalogCache());
        String home = state.region.get() == null ? "us-east-1" : state.region.get();
        Tasks.create(() -> catalog.regions(home))
                .busy(state.processingProperty())
                .onSuccess(this::show)
                .onError(Exception.class, e -> {
                    regionSource.setText("The regions could not be listed: " + e.getMessage());
                    loadedFor = new Object();
                })
                .runOn(services.executor());
    }

    /** Regions with GPU types first: the others cannot run a GPU machine (or are not known to). */
    private void show(List<RegionSummary> list) {
        regions.setAll(list.stream().sorted(java.util.Comparator.comparing((RegionSummary r) -> r.gpuTypes() <= 0)
                .thenComparing(RegionSummary::region)).toList());
        regionSource.setText(list.isEmpty() ? "" : "GPU type counts: " + list.get(0).source()
                + (state.clients().isPresent() ? "; the next step reads your region's live list" : ""));
        list.stream().filter(r -> r.region().equals(state.region.get())).findFirst().ifPresent(r -> {
            regionList.getSelectionModel().select(r);
            regionList.scrollTo(r);
        });
    }

    private static final class RegionCell extends ListCell<RegionSummary> {
        @Override
        protected void updateItem(RegionSummary r, boolean empty) {
            super.updateItem(r, empty);
            if (empty || r == null) {
                setText(null);
                return;
            }
            String count = r.gpuTypes() == RegionSummary.UNKNOWN ? "GPU types not known offline"
                    : r.gpuTypes() == 0 ? "no GPU types" : r.gpuTypes() + " GPU type" + (r.gpuTypes() == 1 ? "" : "s");
            setText(String.format("%-16s %-28s %s", r.region(), RegionNames.of(r.region()), count));
        }
    }
}
