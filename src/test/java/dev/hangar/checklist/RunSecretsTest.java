package dev.hangar.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.blueprint.Blueprint;
import dev.hangar.spec.RunSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The user-data secret rule on a run: a value in {@code run.env}, or a line of setup or command, that looks like a key
 * or a token FAILs, naming the variable or the line and pointing to Parameter Store / Secrets Manager; the secret itself
 * is never in the finding. Ordinary settings pass.
 */
class RunSecretsTest {

    private static Finding evaluate(Map<String, String> env, String setup, String command) {
        RunSpec run = new RunSpec(null, setup, command, env, true);
        return new NoSecretsInUserDataRule(() -> "#!/bin/bash\n").evaluate(Blueprint.draft(Specs.base().run(run).build()), Specs.unknown());
    }

    static Stream<Arguments> secretVariables() {
        return Stream.of(
                Arguments.of("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE", "an AWS access key ID"),
                Arguments.of("MY_AWS", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "an AWS secret access key"),
                Arguments.of("GH", "ghp_abcdefghijklmnopqrstuvwxyz0123456789", "a GitHub token"),
                Arguments.of("GH_FINE", "github_pat_11ABCDEFG0123456789_abcdefghijklmnop", "a GitHub token"),
                Arguments.of("HUB", "hf_abcdefghijklmnopqrstuvwxyzABCDEF", "a Hugging Face token"),
                Arguments.of("OPENAI", "sk-proj-abcdefghijklmnopqrstuvwxyz012345", "an OpenAI-style API key"),
                Arguments.of("ANTHROPIC", "sk-ant-api03-abcdefghijklmnopqrstuvwxyz", "an OpenAI-style API key"),
                Arguments.of("KEY_PEM", "-----BEGIN RSA PRIVATE KEY-----", "a private key"),
                Arguments.of("DB_URL", "postgres://trainer:hunter22@db.internal:5432/runs", "a URL with a password in it"),
                Arguments.of("OPTS", "--user admin --password=hunter22", "a password"),
                Arguments.of("WANDB_API_KEY", "0123456789abcdef0123456789abcdef01234567", "a secret (its name says so)"),
                Arguments.of("HF_TOKEN", "not-a-known-format-but-named-so", "a secret (its name says so)"),
                Arguments.of("DB_PASSWORD", "correct horse battery", "a secret (its name says so)"));
    }

    @ParameterizedTest(name = "{0} looks like {2}")
    @MethodSource("secretVariables")
    void aSecretInEnvFailsNamingTheVariableNotTheValue(String name, String value, String kind) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("EPOCHS", "3");
        env.put(name, value);
        Finding f = evaluate(env, null, "python train.py");
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.detail()).isEqualTo("run.env." + name + " looks like " + kind + ".");
        assertThat(f.title()).isEqualTo("The run holds a secret (run.env)").doesNotContain(value);
        assertThat(f.detail()).doesNotContain(value);
        assertThat(f.fix().description()).contains("SSM Parameter Store").contains("Secrets Manager").doesNotContain(value);
    }

    static Stream<Arguments> ordinarySettings() {
        return Stream.of(
                Arguments.of("TOKENIZERS_PARALLELISM", "false"),
                Arguments.of("MAX_TOKENS", "4096"),
                Arguments.of("NUM_TOKEN", "12345678"),
                Arguments.of("HF_TOKEN", ""),
                Arguments.of("DB_PASSWORD", "$DB_PASSWORD"),
                Arguments.of("MODEL", "meta-llama/Llama-3.1-8B"),
                Arguments.of("CHECKPOINT_DIR", "/mnt/data/checkpoints/run-2026-12-05"),
                Arguments.of("LR", "0.001"),
                Arguments.of("WANDB_PROJECT", "scikit-learn-baselines"),
                Arguments.of("HF_HOME", "/mnt/data/hf"));
    }

    @ParameterizedTest(name = "{0}={1} passes")
    @MethodSource("ordinarySettings")
    void anOrdinarySettingPasses(String name, String value) {
        Finding f = evaluate(Map.of(name, value), "pip install -r requirements.txt", "torchrun --nproc_per_node=gpu train.py --password-file /run/pw");
        assertThat(f.status()).as(f.detail()).isEqualTo(Status.PASS);
        assertThat(f.detail()).contains("run's environment, setup and command");
    }

    static Stream<Arguments> secretLines() {
        return Stream.of(
                Arguments.of("pip install -r requirements.txt\nhuggingface-cli login --token hf_abcdefghijklmnopqrstuvwxyzABCDEF", null,
                        "line 2 of run.setup holds what looks like a Hugging Face token"),
                Arguments.of(null, "git clone https://me:ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/me/x.git && python x/train.py",
                        "line 1 of run.command holds what looks like a GitHub token"),
                Arguments.of("export PASSWORD=hunter22", null, "line 1 of run.setup holds what looks like a password"),
                Arguments.of(null, "mysql --password hunter22 < q.sql", "line 1 of run.command holds what looks like a password"),
                Arguments.of(null, "curl https://user:s3cret@example.com/data.tar | tar x", "line 1 of run.command holds what looks like a URL"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("secretLines")
    void aSecretInSetupOrCommandFailsNamingTheLine(String setup, String command, String detail) {
        Finding f = evaluate(Map.of(), setup, command == null ? "python train.py" : command);
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.detail()).startsWith(detail).doesNotContain("hunter22").doesNotContain("hf_abc").doesNotContain("ghp_").doesNotContain("s3cret");
    }

    @org.junit.jupiter.api.Test
    void everySecretIsNamedInOneFinding() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HF_TOKEN", "hf_abcdefghijklmnopqrstuvwxyzABCDEF");
        env.put("OPENAI_API_KEY", "sk-abcdefghijklmnopqrstuvwxyz012345");
        Finding f = evaluate(env, "export PASSWORD=hunter22", "python train.py");
        assertThat(f.detail()).isEqualTo("run.env.HF_TOKEN looks like a Hugging Face token; run.env.OPENAI_API_KEY looks like an "
                + "OpenAI-style API key; line 1 of run.setup holds what looks like a password.");
        assertThat(f.title()).isEqualTo("The run holds 3 secrets (run.env, run.setup)");
    }
}
