package dev.hangar.ui.wizard;

import dev.hangar.spec.RunSpec;
import dev.hangar.spec.SpecProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * The Run step without a window: the choices on screen, the {@code run} they make (written to the spec as they change,
 * and read back when a spec is loaded), the user-data byte count, and the run's problems in the words of the screen,
 * shown for a field once it has been touched.
 */
final class RunViewModel {

    /** Where the run's code comes from. */
    enum CodeSource { NONE, FOLDER, S3 }

    /** One environment variable as typed: a row of the table. */
    static final class EnvRow {
        final StringProperty name = new SimpleStringProperty("");
        final StringProperty value = new SimpleStringProperty("");

        EnvRow(String name, String value) {
            this.name.set(name);
            this.value.set(value);
        }

        boolean blank() {
            return name.get().isBlank() && value.get().isEmpty();
        }
    }

    /** Fields whose problems wait for a touch; the names are the spec's field paths. */
    static final String CODE = "run.code";
    static final String SETUP = "run.setup";
    static final String COMMAND = "run.command";
    static final String ENV = "run.env";

    final BooleanProperty enabled = new SimpleBooleanProperty();
    final ObjectProperty<CodeSource> codeSource = new SimpleObjectProperty<>(CodeSource.NONE);
    final StringProperty folder = new SimpleStringProperty("");
    final StringProperty s3Code = new SimpleStringProperty("");
    final StringProperty setup = new SimpleStringProperty("");
    final StringProperty command = new SimpleStringProperty("");
    final ObservableList<EnvRow> env = FXCollections.observableArrayList(row -> new Observable[] {row.name, row.value});
    final BooleanProperty stopWhenDone = new SimpleBooleanProperty(RunSpec.DEFAULT_STOP_WHEN_DONE);

    private final ObjectProperty<RunSpec> run;
    private final ObservableStringValue dataPrefix;
    private final ObservableValue<List<SpecProblem>> problems;
    private final ObservableSet<String> touched = FXCollections.observableSet();
    // Kept as fields: a binding only a listener refers to would be collected, and the listener fall silent.
    private final IntegerBinding userDataBytes;
    private final BooleanBinding overBudget;
    private final StringBinding budgetText;
    private final BooleanBinding valid;
    /** True while the screen is filled from the spec, so that filling does not write a half-made run back. */
    private boolean loading;

    /**
     * @param run        the spec's {@code run}: written as the choices change, read when a spec is loaded
     * @param dataPrefix the spec's data prefix (it counts towards the user data)
     * @param problems   the spec's problems; this step shows the run's
     */
    RunViewModel(ObjectProperty<RunSpec> run, ObservableStringValue dataPrefix, ObservableValue<List<SpecProblem>> problems) {
        this.run = run;
        this.dataPrefix = dataPrefix;
        this.problems = problems;
        userDataBytes = Bindings.createIntegerBinding(() -> {
            RunSpec r = run.get();
            return r == null ? 0 : r.userDataBytes(dataPrefix.get() == null ? "" : dataPrefix.get().strip());
        }, run, dataPrefix);
        overBudget = userDataBytes.greaterThan(RunSpec.MAX_USER_DATA_BYTES);
        budgetText = Bindings.createStringBinding(() -> userDataBytes.get() > RunSpec.MAX_USER_DATA_BYTES
                ? String.format("%d of %d bytes: too long for the instance's user data — put the script in a file in the code folder "
                        + "and call it from Command", userDataBytes.get(), RunSpec.MAX_USER_DATA_BYTES)
                : String.format("%d of %d bytes of the instance's user data (setup, command, variables and code)", userDataBytes.get(),
                        RunSpec.MAX_USER_DATA_BYTES), userDataBytes);
        valid = Bindings.createBooleanBinding(() -> problems.getValue().stream().noneMatch(p -> owns(p.field())), problems);
        load(run.get());
        Observable[] inputs = {enabled, codeSource, folder, s3Code, setup, command, env, stopWhenDone};
        for (Observable input : inputs) {
            input.addListener(o -> {
                if (!loading) {
                    run.set(toRun());
                }
            });
        }
        run.addListener((obs, old, now) -> {
            if (!loading && !java.util.Objects.equals(now, toRun())) {
                load(now);
                if (now == null) {
                    touched.clear(); // a new spec ("Launch another"): its messages wait for a touch again
                }
            }
        });
    }

    /** The run the choices make; null for "No run — just the machine". */
    RunSpec toRun() {
        if (!enabled.get()) {
            return null;
        }
        String code = switch (codeSource.get()) {
            case NONE -> null;
            case FOLDER -> folder.get().strip();
            case S3 -> s3Code.get().strip();
        };
        Map<String, String> vars = new LinkedHashMap<>();
        env.stream().filter(row -> !row.blank()).forEach(row -> vars.put(row.name.get().strip(), row.value.get()));
        return new RunSpec(code, setup.get().isBlank() ? null : setup.get(), command.get().isBlank() ? null : command.get(), vars,
                stopWhenDone.get());
    }

    private void load(RunSpec spec) {
        loading = true;
        try {
            enabled.set(spec != null);
            String code = spec == null ? null : spec.code();
            codeSource.set(code == null ? CodeSource.NONE : spec.codeInS3() ? CodeSource.S3 : CodeSource.FOLDER);
            folder.set(code != null && !spec.codeInS3() ? code : "");
            s3Code.set(code != null && spec.codeInS3() ? code : "");
            setup.set(spec == null || spec.setup() == null ? "" : spec.setup());
            command.set(spec == null || spec.command() == null ? "" : spec.command());
            env.setAll(spec == null ? List.of() : spec.env().entrySet().stream().map(e -> new EnvRow(e.getKey(), e.getValue())).toList());
            stopWhenDone.set(spec == null ? RunSpec.DEFAULT_STOP_WHEN_DONE : spec.stopWhenDone());
        } finally {
            loading = false;
        }
    }

    void addEnvRow() {
        env.add(new EnvRow("", ""));
    }

    void removeEnvRow(EnvRow row) {
        env.remove(row);
        touch(ENV);
    }

    /** Takes the folder the chooser gives, if any. */
    void chooseFolder(FolderChooser chooser, javafx.stage.Window owner) {
        chooser.choose(owner, "The folder with your training code").ifPresent(path -> {
            folder.set(path.toString());
            codeSource.set(CodeSource.FOLDER);
        });
        touch(CODE);
    }

    /** The field has been typed in or left: its problems are shown from now on. */
    void touch(String field) {
        touched.add(field);
    }

    /** Next was pressed, or the step is entered again: every problem is shown. */
    void touchAll() {
        touched.addAll(List.of(CODE, SETUP, COMMAND, ENV));
    }

    /** A new spec ("Launch another"): its messages wait for a touch again. */
    void untouchAll() {
        touched.clear();
    }

    /** The bytes the run takes of the user-data budget; 0 with no run. */
    IntegerBinding userDataBytes() {
        return userDataBytes;
    }

    BooleanBinding overBudget() {
        return overBudget;
    }

    /** E.g. "212 of 1800 bytes", and what to do when it is over. */
    StringBinding budgetText() {
        return budgetText;
    }

    /** True while the run has no problem (or there is no run): Next is enabled. */
    BooleanBinding valid() {
        return valid;
    }

    /** The field's problems in plain words, named as on screen; empty until the field is touched. */
    StringBinding messages(String field) {
        return Bindings.createStringBinding(() -> !touched.contains(field) ? "" : problems.getValue().stream()
                .filter(p -> p.field().equals(field) || p.field().startsWith(field + "."))
                .map(this::plain)
                .collect(Collectors.joining("\n")), problems, touched, codeSource);
    }

    /** Problems of the run as a whole (with a cluster, or the data prefix it needs), shown at once: no field to touch. */
    StringBinding runMessages() {
        return Bindings.createStringBinding(() -> problems.getValue().stream()
                .filter(p -> p.field().equals("run") && !p.message().startsWith("setup, command, env and code take") // the counter says it
                        || enabled.get() && p.field().equals("dataPrefix") && p.message().contains("for a run"))
                .map(this::plain)
                .collect(Collectors.joining("\n")), problems, enabled);
    }

    private String plain(SpecProblem p) {
        String field = p.field();
        if (field.equals(CODE) && p.message().startsWith("must be a local folder or s3://bucket/prefix/, or null")) {
            return codeSource.get() == CodeSource.S3 ? "Type the S3 prefix, like s3://my-bucket/code/, or choose None"
                    : "Choose the folder with your code, or choose None";
        }
        String label = switch (field) {
            case "run" -> "The run";
            case "dataPrefix" -> "The prefix on the Data step";
            case CODE -> codeSource.get() == CodeSource.S3 ? "The S3 prefix" : "The folder";
            case SETUP -> "Setup";
            case COMMAND -> "Command";
            case ENV -> "Environment variables:";
            default -> field.startsWith(ENV + ".") ? "Variable " + field.substring(ENV.length() + 1) : field;
        };
        return label + " " + p.message();
    }

    private static boolean owns(String field) {
        return field.equals("run") || field.startsWith("run.");
    }
}
