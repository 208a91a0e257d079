package dev.hangar.ui.wizard;

import dev.hangar.auth.AwsSession;
import dev.hangar.catalog.RegionCatalog;
import dev.hangar.catalog.RegionSummary;
import dev.hangar.spec.SpecProblem;
import dev.hangar.ui.concurrent.Tasks;
import dev.hangar.ui.session.SessionModel;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
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

    private final SessionModel session;
    private final StringProperty region;
    private final TouchedFields messages;
    private final BooleanProperty processing;
    private final WizardServices services;
    private final ObservableList<RegionSummary> regions = FXCollections.observableArrayList();
    private final FilteredList<RegionSummary> shown = new FilteredList<>(regions);
    private Object loadedFor = new Object();
    /** True while the regions are read: the list shows a progress indicator, not an empty list. */
    private final BooleanProperty loading = new SimpleBooleanProperty();

    @FXML private TextField regionFilter;
    @FXML private ListView<RegionSummary> regionList;
    @FXML private Label regionError;
    @FXML private Label regionSource;

    /**
     * @param region     the spec's region, which this step chooses
     * @param problems   the spec's problems (this step shows the region's)
     * @param processing the wizard's busy flag
     */
    RegionStepController(SessionModel session, StringProperty region, ObservableValue<List<SpecProblem>> problems,
            BooleanProperty processing, WizardServices services) {
        this.session = session;
        this.region = region;
        this.messages = new TouchedFields(problems, "region");
        this.processing = processing;
        this.services = services;
    }

    @FXML
    private void initialize() {
        regionList.setItems(shown);
        regionList.setCellFactory(list -> new RegionCell());
        regionList.setPlaceholder(LoadingPlaceholder.of(loading, new SimpleStringProperty("Loading the regions…"), "No region matches."));
        regionFilter.textProperty().addListener((obs, old, text) -> {
            String t = text.toLowerCase(Locale.ROOT).trim();
            shown.setPredicate(r -> t.isEmpty() || r.region().contains(t) || RegionNames.of(r.region()).toLowerCase(Locale.ROOT).contains(t));
        });
        regionList.getSelectionModel().selectedItemProperty().addListener((obs, old, r) -> {
            if (r != null) {
                region.set(r.region());
            }
        });
        messages.touchWhenLeft("region", regionFilter, regionList);
        messages.show(regionError, "region");
    }

    @Override
    public BooleanExpression canProceed() {
        return messages.complete();
    }

    @Override
    public Optional<TouchedFields> fieldMessages() {
        return Optional.of(messages);
    }

    /** True while the regions are read. */
    BooleanProperty loadingProperty() {
        return loading;
    }

    @Override
    public void entered() {
        AwsSession current = session.sessionProperty().get();
        if (Objects.equals(loadedFor, current)) {
            return;
        }
        loadedFor = current;
        var catalog = new RegionCatalog(session.clients(), current == null ? null : current.accountId(), services.engine().catalogCache());
        String home = region.get() == null ? "us-east-1" : region.get();
        loading.set(true);
        Tasks.create(() -> catalog.regions(home))
                .busy(processing)
                .andFinally(() -> loading.set(false))
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
                + (session.clients().isPresent() ? "; the next step reads your region's live list" : ""));
        list.stream().filter(r -> r.region().equals(region.get())).findFirst().ifPresent(r -> {
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
