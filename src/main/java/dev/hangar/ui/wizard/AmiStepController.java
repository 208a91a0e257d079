package dev.hangar.ui.wizard;

import dev.hangar.catalog.GpuOffer;
import dev.hangar.catalog.ImageCatalog;
import dev.hangar.catalog.ImageInfo;
import dev.hangar.ui.concurrent.Tasks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;

/** Deep Learning AMIs (newest first, grouped by framework and OS), the account's own images, or an ID typed in. */
final class AmiStepController implements StepController {

    private final StepContext context;
    private final StringProperty amiId;
    private final ObservableStringValue instanceType;
    private final ObservableValue<GpuOffer> offer;
    private final ObjectProperty<List<ImageInfo>> listed;
    private final WizardServices services;
    private final AmiViewModel model;
    private final TouchedFields messages;
    private String loadedFor;
    private List<ImageInfo> images = List.of();

    @FXML private TreeTableView<ImageInfo> amiTree;
    @FXML private TextField amiIdField;
    @FXML private Label amiWarning;
    @FXML private Label amiError;
    @FXML private Label amiSource;

    /**
     * @param amiId        the spec's image, which this step chooses
     * @param instanceType the chosen type: the images listed depend on it
     * @param offer        the chosen type's offer, whose architectures the image must match
     * @param listed       where the images found go, for the review to offer the ones that fit
     */
    AmiStepController(StepContext context, StringProperty amiId, ObservableStringValue instanceType, ObservableValue<GpuOffer> offer,
            ObjectProperty<List<ImageInfo>> listed, WizardServices services) {
        this.context = context;
        this.amiId = amiId;
        this.instanceType = instanceType;
        this.offer = offer;
        this.listed = listed;
        this.services = services;
        this.model = new AmiViewModel(services.engine().clock());
        this.messages = new TouchedFields(context.problems(), "amiId");
    }

    @FXML
    private void initialize() {
        var image = column("Image", 420, ImageInfo::name);
        image.setCellFactory(c -> new WrappingTreeTableCell<>());
        amiTree.getColumns().setAll(List.of(image, column("ID", 190, ImageInfo::imageId),
                column("Arch", 75, ImageInfo::architecture), column("Age", 80, model::age)));
        // The name takes what the fixed columns leave (TreeTableView has no flex policy of its own).
        image.prefWidthProperty().bind(amiTree.widthProperty().subtract(190 + 75 + 80 + 22));
        amiTree.setShowRoot(false);
        amiTree.setRoot(new TreeItem<>());
        amiTree.setPlaceholder(new Label("Sign in to list images, or type an image ID below."));
        amiTree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null && item.getValue() != null && item.getValue().imageId() != null) {
                amiId.set(item.getValue().imageId());
            }
        });
        amiIdField.textProperty().bindBidirectional(amiId);
        // Launch another clears the image: unselect its row, so that clicking it again chooses it.
        amiId.addListener((obs, old, now) -> {
            if (now == null && amiTree.getSelectionModel().getSelectedItem() != null
                    && amiTree.getSelectionModel().getSelectedItem().getValue() != null) {
                amiTree.getSelectionModel().clearSelection();
            }
        });
        amiWarning.textProperty().bind(Bindings.createStringBinding(() -> model.warning(amiId.get()), amiId));
        amiWarning.visibleProperty().bind(amiWarning.textProperty().isNotEmpty());
        amiWarning.managedProperty().bind(amiWarning.visibleProperty());
        messages.touchWhenLeft("amiId", amiTree, amiIdField);
        messages.show(amiError, "amiId");
    }

    @Override
    public BooleanExpression canProceed() {
        return messages.complete();
    }

    @Override
    public Optional<TouchedFields> fieldMessages() {
        return Optional.of(messages);
    }

    @Override
    public void entered() {
        String key = context.region().get() + "|" + System.identityHashCode(context.session().sessionProperty().get()) + "|" + instanceType.get();
        if (Objects.equals(key, loadedFor)) {
            return;
        }
        loadedFor = key;
        if (context.session().clients().isEmpty()) {
            amiSource.setText("Plan-only mode: images cannot be listed. Type the ID of the image you want.");
            return;
        }
        ImageCatalog catalog = new ImageCatalog(context.session().clients().get());
        String region = context.region().get();
        amiSource.setText("Listing the Deep Learning AMIs of " + region + "…");
        Tasks.create(() -> {
            List<ImageInfo> found = new ArrayList<>(catalog.deepLearning(region));
            found.addAll(catalog.own(region));
            return found;
        })
                .busy(context.processing())
                .onSuccess(this::show)
                .onError(Exception.class, e -> {
                    loadedFor = null;
                    amiSource.setText("The images could not be listed: " + e.getMessage());
                })
                .runOn(services.executor());
    }

    private void show(List<ImageInfo> found) {
        images = found;
        listed.set(List.copyOf(found));
        List<String> arch = offer.getValue() == null ? List.of() : offer.getValue().type().architectures();
        Map<String, List<ImageInfo>> groups = model.groups(found, arch);
        TreeItem<ImageInfo> root = new TreeItem<>();
        TreeItem<ImageInfo> selected = null;
        for (var group : groups.entrySet()) {
            TreeItem<ImageInfo> g = new TreeItem<>(new ImageInfo(null, group.getKey() + "  (" + group.getValue().size() + ")", null, null, null, false));
            g.setExpanded(true);
            for (ImageInfo image : group.getValue()) {
                TreeItem<ImageInfo> item = new TreeItem<>(image);
                g.getChildren().add(item);
                if (image.imageId().equals(amiId.get())) {
                    selected = item;
                }
            }
            root.getChildren().add(g);
        }
        amiTree.setRoot(root);
        if (selected != null) {
            amiTree.getSelectionModel().select(selected);
        }
        int shown = groups.values().stream().mapToInt(List::size).sum();
        amiSource.setText(shown + " images for " + (arch.isEmpty() ? "any architecture" : String.join("/", arch))
                + " · Deep Learning AMIs by AWS (owner " + ImageCatalog.DEEP_LEARNING_OWNER + ") and your own");
        // The warning depends on the list; recompute now that it is known.
        String id = amiId.get();
        amiId.set(null);
        amiId.set(id);
    }

    private static TreeTableColumn<ImageInfo, String> column(String title, double width, Function<ImageInfo, String> value) {
        TreeTableColumn<ImageInfo, String> c = new TreeTableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> {
            ImageInfo i = cell.getValue().getValue();
            boolean group = i == null || i.imageId() == null;
            return new ReadOnlyStringWrapper(i == null ? "" : group && !title.equals("Image") ? "" : value.apply(i));
        });
        return c;
    }
}
