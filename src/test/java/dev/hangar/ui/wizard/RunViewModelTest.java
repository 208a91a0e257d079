package dev.hangar.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.RunSpec;
import dev.hangar.ui.wizard.RunViewModel.CodeSource;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Run step's choices make exactly the spec's run, and the step shows its problems and its user-data bytes. */
class RunViewModelTest {

    private final WizardState state = new WizardState();
    private final RunViewModel model = new RunViewModel(state.run, state.dataPrefix, state.problems());

    @Test
    void noRunIsNullAsBefore() {
        assertThat(model.enabled.get()).as("the default: just the machine").isFalse();
        model.setup.set("pip install -r requirements.txt"); // typed, then run switched off again
        assertThat(state.spec().run()).isNull();
        model.enabled.set(true);
        model.enabled.set(false);
        assertThat(state.spec().run()).isNull();
        assertThat(model.userDataBytes().get()).isZero();
        assertThat(model.valid().get()).isTrue();
    }

    @Test
    void theChoicesMakeTheRunExactly() {
        model.enabled.set(true);
        model.codeSource.set(CodeSource.S3);
        model.s3Code.set(" s3://research-code/llama/ ");
        model.setup.set("pip install -r requirements.txt");
        model.command.set("torchrun --nproc_per_node=gpu train.py");
        model.addEnvRow();
        model.env.get(0).name.set("EPOCHS");
        model.env.get(0).value.set("3");
        model.addEnvRow(); // left blank: not a variable
        model.addEnvRow();
        model.env.get(2).name.set("WANDB_MODE");
        model.env.get(2).value.set("offline");
        model.stopWhenDone.set(false);

        assertThat(state.spec().run()).isEqualTo(new RunSpec("s3://research-code/llama/", "pip install -r requirements.txt",
                "torchrun --nproc_per_node=gpu train.py", Map.of("EPOCHS", "3", "WANDB_MODE", "offline"), false));
        assertThat(state.spec().run().env().keySet()).as("in the table's order").containsExactly("EPOCHS", "WANDB_MODE");

        model.removeEnvRow(model.env.get(0));
        model.codeSource.set(CodeSource.NONE);
        model.setup.set("  ");
        assertThat(state.spec().run()).isEqualTo(new RunSpec(null, null, "torchrun --nproc_per_node=gpu train.py",
                Map.of("WANDB_MODE", "offline"), false));
    }

    @Test
    void aChosenFolderIsTheCode() {
        model.enabled.set(true);
        model.command.set("python train.py");
        model.chooseFolder((owner, title) -> Optional.of(Path.of("/home/me/llama")), null);
        assertThat(model.codeSource.get()).isEqualTo(CodeSource.FOLDER);
        assertThat(state.spec().run().code()).isEqualTo("/home/me/llama");
        assertThat(state.spec().run().stopWhenDone()).as("stops by default").isTrue();

        model.chooseFolder((owner, title) -> Optional.empty(), null); // cancelled: the folder stays
        assertThat(state.spec().run().code()).isEqualTo("/home/me/llama");
    }

    @Test
    void aLoadedSpecFillsTheStepAndNoRunEmptiesIt() {
        RunSpec run = new RunSpec("s3://research-code/x/", "make", "python train.py", Map.of("A", "1"), false);
        state.load(LaunchSpec.builder().name("n").region("us-east-1").run(run).build());
        assertThat(model.enabled.get()).isTrue();
        assertThat(model.codeSource.get()).isEqualTo(CodeSource.S3);
        assertThat(model.s3Code.get()).isEqualTo("s3://research-code/x/");
        assertThat(model.command.get()).isEqualTo("python train.py");
        assertThat(model.env).singleElement().satisfies(row -> assertThat(row.name.get() + "=" + row.value.get()).isEqualTo("A=1"));
        assertThat(model.stopWhenDone.get()).isFalse();
        assertThat(state.spec().run()).isEqualTo(run);

        state.load(LaunchSpec.builder().name("n").region("us-east-1").build());
        assertThat(model.enabled.get()).isFalse();
        assertThat(model.command.get()).isEmpty();
        assertThat(model.env).isEmpty();
    }

    @Test
    void theCounterCountsAsTheValidatorDoes() {
        model.enabled.set(true);
        model.command.set("python train.py");
        state.dataPrefix.set("train/");
        RunSpec run = state.spec().run();
        assertThat(model.userDataBytes().get()).isEqualTo(run.userDataBytes("train/")).isEqualTo("python train.py".length() + 2 * 6);
        assertThat(model.budgetText().get()).startsWith(model.userDataBytes().get() + " of " + RunSpec.MAX_USER_DATA_BYTES + " bytes");
        assertThat(model.overBudget().get()).isFalse();

        model.command.set("x".repeat(RunSpec.MAX_USER_DATA_BYTES));
        assertThat(model.overBudget().get()).isTrue();
        assertThat(model.budgetText().get()).contains("put the script in a file in the code folder");
        assertThat(model.valid().get()).as("the validator refuses it too").isFalse();
    }

    @Test
    void problemsShowInTheScreensWordsOnlyOnceTouched() {
        model.enabled.set(true);
        assertThat(model.valid().get()).as("a run needs a command").isFalse();
        assertThat(model.messages(RunViewModel.COMMAND).get()).as("not before the field is touched").isEmpty();

        model.touch(RunViewModel.COMMAND);
        assertThat(model.messages(RunViewModel.COMMAND).get()).startsWith("Command is required");

        model.codeSource.set(CodeSource.S3);
        model.s3Code.set("s3://x");
        model.addEnvRow();
        model.env.get(0).name.set("HANGAR_DATA");
        model.env.get(0).value.set("v");
        assertThat(model.messages(RunViewModel.CODE).get()).isEmpty();
        model.touchAll();
        assertThat(model.messages(RunViewModel.CODE).get()).startsWith("The S3 prefix must name a bucket and a prefix");
        assertThat(model.messages(RunViewModel.ENV).get()).isEqualTo("Variable HANGAR_DATA names starting with HANGAR_ are set by Hangar itself");

        model.s3Code.set(" ");
        assertThat(model.messages(RunViewModel.CODE).get()).isEqualTo("Type the S3 prefix, like s3://my-bucket/code/, or choose None");
        model.codeSource.set(CodeSource.FOLDER);
        assertThat(model.messages(RunViewModel.CODE).get()).isEqualTo("Choose the folder with your code, or choose None");
        model.codeSource.set(CodeSource.S3);

        model.command.set("python train.py");
        model.s3Code.set("s3://research-code/x/");
        model.env.get(0).name.set("EPOCHS");
        assertThat(model.valid().get()).isTrue();
        assertThat(model.messages(RunViewModel.COMMAND).get()).isEmpty();

        state.load(LaunchSpec.builder().name("n").region("us-east-1").build()); // Launch another
        model.enabled.set(true);
        assertThat(model.messages(RunViewModel.COMMAND).get()).as("the new spec's fields are untouched").isEmpty();
    }

    @Test
    void theDataPrefixARunNeedsIsNamedHere() {
        model.enabled.set(true);
        model.command.set("python train.py");
        state.dataBucket.set("research-data");
        state.dataPrefix.set("train");
        assertThat(model.runMessages().get()).startsWith("The prefix on the Data step must end with '/' for a run");
    }
}
