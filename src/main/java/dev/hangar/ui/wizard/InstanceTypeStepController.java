package dev.hangar.ui.wizard;

import dev.hangar.catalog.GpuCatalog;
import dev.hangar.catalog.GpuInstanceType;
import dev.hangar.catalog.GpuOffer;
import dev.hangar.catalog.InstanceTypeOrder;
import dev.hangar.catalog.QuotaHeadroom;
import dev.hangar.catalog.QuotaHeadroom.Headroom;
import dev.hangar.spec.Market;
import dev.hangar.ui.ColumnFit;
import dev.hangar.ui.concurrent.Tasks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import software.amazon.awssdk.core.exception.SdkException;

/** A sortable, filterable table of the region's GPU types, cached on disk per region, with a refresh button. */
final class InstanceTypeStepController implements StepController {

    private final StepContext context;
    private final StringProperty instanceType;
    private final ObjectProperty<GpuOffer> offer;
    private final ObservableValue<Market> market;
    private final WizardServices services;
    private final InstanceTypeViewModel model = new InstanceTypeViewModel();
    private final TouchedFields messages;
    private String loadedFor;
    /** True while the types are read: the table shows a progress indicator, never "No GPU type matches." */
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty loadingText = new SimpleStringProperty("Loading the GPU types…");
    /** Rows added to the table per frame until it is a screenful: see {@link InstanceTypeViewModel#show(GpuCatalog, Map, int)}. */
    private static final int ROWS_PER_FRAME = 4;
    /** More rows than a maximised window shows: past these, the table makes no new cells, so the rest come at once. */
    private static final int SCREENFUL = 40;
    /** Columns whose cells the rehearsal adds per frame: see {@link #rehearsal()}. */
    private static final int COLUMNS_PER_FRAME = 3;
    private AnimationTimer filling;

    @FXML private TextField typeFilter;
    @FXML private Button refreshButton;
    @FXML private Label catalogSource;
    @FXML private TableView<GpuTypeRow> typeTable;
    @FXML private Label typeError;
    @FXML private Label quotaWarning;

    /**
     * @param instanceType the spec's instance type, which this step chooses
     * @param offer        the chosen type's offer (its price and architectures), for the steps after this one
     * @param market       spot or on-demand: the quota headroom differs
     */
    InstanceTypeStepController(StepContext context, StringProperty instanceType, ObjectProperty<GpuOffer> offer,
            ObservableValue<Market> market, WizardServices services) {
        this.context = context;
        this.instanceType = instanceType;
        this.offer = offer;
        this.market = market;
        this.services = services;
        // A type typed into a loaded spec but not chosen in the table has no offer (price, architectures) yet.
        this.messages = new TouchedFields(context.problems(), "instanceType").alsoCheck("instanceType", Bindings.createStringBinding(
                () -> instanceType.get() != null && offer.get() == null ? "choose it in the table" : "", instanceType, offer));
    }

    @FXML
    private void initialize() {
        typeTable.getColumns().setAll(List.of(
                typeColumn(),
                column("GPU", 150, GpuTypeRow::gpuModel, Object::toString),
                column("GPUs", 52, GpuTypeRow::gpuCount, n -> n == 0 ? "part" : n.toString()),
                column("Per GPU", 80, GpuTypeRow::gpuMemoryPerGpuGiB, InstanceTypeStepController::gib),
                column("All GPUs", 80, GpuTypeRow::gpuMemoryGiB, InstanceTypeStepController::gib),
                column("vCPU", 52, GpuTypeRow::vcpus, Object::toString),
                column("Memory", 80, GpuTypeRow::memoryGiB, g -> String.format("%.0f GiB", g)),
                column("$/hour", 70, GpuTypeRow::pricePerHour, p -> String.format("%.3f", p)),
                column("Zones", 104, GpuTypeRow::zones, Object::toString),
                column("Quota headroom", 130, GpuTypeRow::freeVcpus, n -> n < 0 ? "unknown" : n + " vCPU free")));
        // Unconstrained: at the window's minimum the table scrolls sideways; squeezed, it cut headers and GPU names.
        typeTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        model.rows().comparatorProperty().bind(typeTable.comparatorProperty());
        typeTable.setItems(model.rows());
        ColumnFit.install(typeTable); // p6-b200.48xlarge, "NVIDIA RTX PRO Server 6000": whole, however long
        typeTable.setRowFactory(t -> new QuotaRow());
        typeTable.setPlaceholder(LoadingPlaceholder.of(loading, loadingText, "No GPU type matches."));
        typeFilter.textProperty().bindBidirectional(model.filterProperty());
        catalogSource.textProperty().bind(model.sourceProperty());
        refreshButton.disableProperty().bind(context.processing());
        typeTable.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                instanceType.set(row.name());
                offer.set(row.offer());
                quotaWarning.setText(row.fitsQuota() ? "" : row.name() + " needs " + row.vcpus() + " vCPUs but only "
                        + row.freeVcpus() + " are free under \"" + row.headroom().quotaName()
                        + "\": request an increase in Service Quotas, or pick a smaller type.");
            }
        });
        // Launch another clears the type: the row must be unselected too, or clicking it again would not choose it.
        instanceType.addListener((obs, old, now) -> {
            if (now == null) {
                typeTable.getSelectionModel().clearSelection();
                quotaWarning.setText("");
            }
        });
        quotaWarning.visibleProperty().bind(quotaWarning.textProperty().isNotEmpty());
        quotaWarning.managedProperty().bind(quotaWarning.visibleProperty());
        messages.touchWhenLeft("instanceType", typeFilter, typeTable);
        messages.show(typeError, "instanceType");
    }

    @Override
    public BooleanExpression canProceed() {
        return messages.complete().and(offer.isNotNull());
    }

    @Override
    public Optional<TouchedFields> fieldMessages() {
        return Optional.of(messages);
    }

    /**
     * The first row a table shows cost ~100 ms of one-time work (its row's and cells' classes, skins and styles): a sample
     * row, shown while the view is hidden, pays it a frame at a time, first with one column, then three more columns a
     * frame; the last part puts the table back. Shown before that, the step puts it back first ({@link #entered()}).
     */
    @Override
    public List<Runnable> rehearsal() {
        List<TableColumn<GpuTypeRow, ?>> columns = List.copyOf(typeTable.getColumns());
        List<Runnable> parts = new ArrayList<>();
        parts.add(() -> {
            columns.subList(1, columns.size()).forEach(c -> c.setVisible(false));
            typeTable.setItems(FXCollections.observableArrayList(SAMPLE_ROW));
        });
        for (int from = 1; from < columns.size(); from += COLUMNS_PER_FRAME) {
            var more = columns.subList(from, Math.min(from + COLUMNS_PER_FRAME, columns.size()));
            parts.add(() -> more.forEach(c -> c.setVisible(true)));
        }
        parts.add(this::endRehearsal);
        return parts;
    }

    private void endRehearsal() {
        typeTable.getColumns().forEach(c -> c.setVisible(true));
        typeTable.setItems(model.rows());
    }

    private static final GpuTypeRow SAMPLE_ROW = new GpuTypeRow(new GpuOffer(new GpuInstanceType("g5.xlarge", "NVIDIA", "A10G", 1,
            24_576, 4, 16_384, List.of("x86_64"), true), List.of("us-east-1a"), 1.006), null);

    @Override
    public void entered() {
        endRehearsal();
        String key = context.region().get() + "|" + System.identityHashCode(context.session().sessionProperty().get());
        if (!Objects.equals(key, loadedFor)) {
            load(false);
        }
    }

    @FXML
    void refresh() {
        load(true);
    }

    private record Loaded(GpuCatalog catalog, Map<String, Headroom> headroom) {
    }

    private void load(boolean refresh) {
        String region = context.region().get();
        var clients = context.session().clients();
        var quotaMarket = market.getValue();
        loadedFor = region + "|" + System.identityHashCode(context.session().sessionProperty().get());
        catalogSource.textProperty().unbind();
        catalogSource.setText("Loading the GPU types of " + region + "…");
        loadingText.set("Loading the GPU types of " + region + "…");
        loading.set(true);
        Tasks.create(() -> {
            GpuCatalog catalog = services.engine().catalog(clients).gpuTypes(region, refresh);
            Map<String, Headroom> headroom = Map.of();
            if (clients.isPresent()) {
                try {
                    headroom = new QuotaHeadroom(clients.get()).byFamily(region,
                            catalog.offers().stream().map(o -> o.type().family()).distinct().toList(), quotaMarket);
                } catch (SdkException e) {
                    headroom = Map.of(); // headroom is advice; preflight checks the quota again
                }
            }
            return new Loaded(catalog, headroom);
        })
                .busy(context.processing())
                .andFinally(() -> loading.set(false))
                .onSuccess(loaded -> {
                    catalogSource.textProperty().bind(model.sourceProperty());
                    fill(loaded.catalog(), loaded.headroom());
                })
                .onError(Exception.class, e -> {
                    loadedFor = null;
                    catalogSource.setText("The GPU types of " + region + " could not be read: " + e.getMessage());
                })
                .runOn(services.executor());
    }

    /** A few rows a frame until the table is full, so that no frame waits for a whole screenful of new cells. */
    private void fill(GpuCatalog catalog, Map<String, Headroom> headroom) {
        if (filling != null) {
            filling.stop();
        }
        model.show(catalog, headroom, ROWS_PER_FRAME);
        filling = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (model.showMore(model.shownCount() < SCREENFUL ? ROWS_PER_FRAME : Integer.MAX_VALUE)) {
                    stop();
                    reselect();
                }
            }
        };
        filling.start();
    }

    private void reselect() {
        GpuTypeRow row = model.find(instanceType.get());
        if (row != null) {
            typeTable.getSelectionModel().select(row);
            typeTable.scrollTo(row);
        } else {
            offer.set(null);
            instanceType.set(null);
        }
    }

    /** Sorted as a person reads types: g5.2xlarge before g5.12xlarge. */
    private static TableColumn<GpuTypeRow, String> typeColumn() {
        TableColumn<GpuTypeRow, String> type = column("Type", 112, GpuTypeRow::name, Object::toString);
        type.setComparator(InstanceTypeOrder.INSTANCE);
        return type;
    }

    /** 22.4 GiB rather than 22: a rounded A10G looked smaller than its 24 GB. */
    static String gib(double g) {
        return Math.abs(g - Math.rint(g)) < 0.05 ? String.format(java.util.Locale.ROOT, "%.0f GiB", g) : String.format(java.util.Locale.ROOT, "%.1f GiB", g);
    }

    private static <T> TableColumn<GpuTypeRow, T> column(String title, double width, Function<GpuTypeRow, T> value,
                                                         Function<T, String> format) {
        TableColumn<GpuTypeRow, T> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(width); // at the window's minimum the table scrolls sideways rather than cut a header or a type name
        c.setId("col-" + title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", "-"));
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : text(item, format));
            }
        });
        ColumnFit.showsText(c, row -> text(value.apply(row), format));
        return c;
    }

    private static <T> String text(T item, Function<T, String> format) {
        return item == null ? "—" : format.apply(item);
    }

    /** Rows whose type does not fit the quota are marked, not hidden: the quota can be raised. */
    private static final class QuotaRow extends TableRow<GpuTypeRow> {
        @Override
        protected void updateItem(GpuTypeRow row, boolean empty) {
            super.updateItem(row, empty);
            pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("over-quota"), !empty && row != null && !row.fitsQuota());
        }
    }
}
