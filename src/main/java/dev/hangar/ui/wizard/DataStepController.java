package dev.hangar.ui.wizard;

import dev.hangar.spec.Show;
import dev.hangar.catalog.BucketCatalog;
import dev.hangar.catalog.BucketSecurity;
import dev.hangar.spec.BucketAccess;
import dev.hangar.spec.SpecValidator;
import dev.hangar.ui.concurrent.TaskHandle;
import dev.hangar.ui.concurrent.Tasks;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;

/** The bucket with the data (and how the machine may use it), its security posture, and the disks. */
final class DataStepController implements StepController {

    private static final String[] FIELDS = {"dataBucket", "dataPrefix", "bucketAccess", "dataVolumeGiB", "rootVolumeGiB"};

    /** The spec's fields this step edits. */
    record Fields(StringProperty dataBucket, StringProperty dataPrefix, ObjectProperty<BucketAccess> bucketAccess,
            IntegerProperty dataVolumeGiB, IntegerProperty rootVolumeGiB, BooleanProperty deleteDataVolumeOnTermination) {
    }

    private final StepContext context;
    private final Fields fields;
    private final WizardServices services;
    private final TouchedFields messages;
    private String loadedFor;
    private TaskHandle readingPosture = TaskHandle.none();

    @FXML private ComboBox<String> bucketChoice;
    @FXML private Label bucketPosture;
    @FXML private Label bucketError;
    @FXML private RadioButton readOnlyRadio;
    @FXML private RadioButton readWriteRadio;
    @FXML private TextField prefixField;
    @FXML private Label prefixError;
    @FXML private Spinner<Integer> dataVolumeSpinner;
    @FXML private Spinner<Integer> rootVolumeSpinner;
    @FXML private Label volumeError;
    @FXML private CheckBox keepDataVolumeCheck;

    DataStepController(StepContext context, Fields fields, WizardServices services) {
        this.context = context;
        this.fields = fields;
        this.services = services;
        this.messages = new TouchedFields(context.problems(), FIELDS);
    }

    @FXML
    private void initialize() {
        bucketChoice.setEditable(true);
        bucketChoice.getEditor().setText(fields.dataBucket().get());
        bucketChoice.getEditor().textProperty().addListener((obs, old, now) -> fields.dataBucket().set(now));
        // Launch another clears the bucket: the field shows it, rather than keep a name the spec no longer has.
        fields.dataBucket().addListener((obs, old, now) -> {
            if (!java.util.Objects.equals(now == null ? "" : now, bucketChoice.getEditor().getText())) {
                bucketChoice.getEditor().setText(now == null ? "" : now);
            }
        });
        bucketChoice.valueProperty().addListener((obs, old, now) -> readPosture(now));
        ToggleGroup access = new ToggleGroup();
        readOnlyRadio.setToggleGroup(access);
        readWriteRadio.setToggleGroup(access);
        (fields.bucketAccess().get() == BucketAccess.READ_WRITE ? readWriteRadio : readOnlyRadio).setSelected(true);
        readWriteRadio.selectedProperty().addListener((obs, old, rw) -> fields.bucketAccess().set(rw ? BucketAccess.READ_WRITE : BucketAccess.READ_ONLY));
        fields.bucketAccess().addListener((obs, old, now) -> (now == BucketAccess.READ_WRITE ? readWriteRadio : readOnlyRadio).setSelected(true));
        prefixField.textProperty().bindBidirectional(fields.dataPrefix());
        volume(dataVolumeSpinner, fields.dataVolumeGiB());
        volume(rootVolumeSpinner, fields.rootVolumeGiB());
        // The checkbox says "keep"; the spec says "delete on termination".
        keepDataVolumeCheck.setSelected(!fields.deleteDataVolumeOnTermination().get());
        keepDataVolumeCheck.selectedProperty().addListener((obs, old, keep) -> fields.deleteDataVolumeOnTermination().set(!keep));
        fields.deleteDataVolumeOnTermination().addListener((obs, old, delete) -> keepDataVolumeCheck.setSelected(!delete));
        messages.touchWhenLeft("dataBucket", bucketChoice);
        messages.touchWhenLeft("dataPrefix", prefixField);
        messages.touchWhenLeft("dataVolumeGiB", dataVolumeSpinner);
        messages.touchWhenLeft("rootVolumeGiB", rootVolumeSpinner);
        messages.show(bucketError, "dataBucket");
        messages.show(prefixError, "dataPrefix");
        messages.show(volumeError, "dataVolumeGiB", "rootVolumeGiB");
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
        String key = System.identityHashCode(context.session().sessionProperty().get()) + "";
        if (context.session().clients().isEmpty()) {
            bucketChoice.setPromptText("type the bucket's name");
            bucketPosture.setText("Plan-only mode: the bucket's settings cannot be read.");
            return;
        }
        if (Objects.equals(key, loadedFor)) {
            return;
        }
        loadedFor = key;
        BucketCatalog catalog = new BucketCatalog(context.session().clients().get());
        String region = context.region().get();
        Tasks.create(() -> catalog.names(region))
                .busy(context.processing())
                .onSuccess(names -> {
                    String typed = bucketChoice.getEditor().getText();
                    bucketChoice.getItems().setAll(names);
                    bucketChoice.setPromptText(names.isEmpty() ? "no buckets: type a name" : "choose a bucket");
                    if (typed != null && !typed.isBlank()) {
                        bucketChoice.setValue(typed);
                    }
                })
                .onError(Exception.class, e -> {
                    loadedFor = null;
                    bucketChoice.setPromptText("buckets could not be listed: type a name");
                })
                .runOn(services.executor());
    }

    private void readPosture(String bucket) {
        readingPosture.cancel(); // another bucket was typed: the last one's settings are no longer wanted
        if (bucket == null || bucket.isBlank() || context.session().clients().isEmpty()) {
            bucketPosture.setText("");
            return;
        }
        BucketCatalog catalog = new BucketCatalog(context.session().clients().get());
        String region = context.region().get();
        bucketPosture.setText("Reading the settings of " + bucket + "…");
        readingPosture = Tasks.create(() -> catalog.security(region, bucket))
                .onSuccess((BucketSecurity s) -> bucketPosture.setText(s.summary()))
                .onError(Exception.class, e -> bucketPosture.setText("The settings of " + bucket + " could not be read: " + Show.firstLine(e.getMessage())))
                .runOn(services.executor());
    }

    private static void volume(Spinner<Integer> spinner, javafx.beans.property.IntegerProperty value) {
        var factory = new IntegerSpinnerValueFactory(1, SpecValidator.MAX_VOLUME_GIB, value.get(), 10);
        spinner.setValueFactory(factory);
        spinner.setEditable(true);
        factory.valueProperty().addListener((obs, old, now) -> value.set(now == null ? 0 : now));
        value.addListener((obs, old, now) -> factory.setValue(now.intValue()));
    }

}
