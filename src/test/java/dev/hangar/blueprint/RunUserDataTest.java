package dev.hangar.blueprint;

import static dev.hangar.export.Fixtures.base;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.spec.BucketAccess;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.RunSpec;
import dev.hangar.spec.SpecValidator;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The user data a blueprint carries: without a run, first-boot.sh byte for byte (what every launch so far ran); with a
 * run, the run's script, which must fit EC2's 16 KB even for the largest run the spec accepts, in every shape.
 */
class RunUserDataTest {

    private static final int ROOM = RunSpec.MAX_USER_DATA_BYTES;
    private static final String LONG_BUCKET = "b".repeat(63);

    @Test
    void withoutARunTheUserDataIsFirstBootShByteForByte() {
        Blueprint blueprint = Blueprint.of(base().build(), "train-1a2b3c");

        assertThat(blueprint.instance().userData()).isEqualTo(UserData.script()).isEqualTo(UserData.script(null))
                .isEqualTo(UserData.resource("first-boot.sh")).doesNotContain("hangar-run", "mount-s3");
    }

    @Test
    void withARunTheInstanceCarriesTheRunsScript() {
        LaunchSpec spec = base().run(new RunSpec("./project", "pip install -r requirements.txt", "python train.py",
                Map.of("EPOCHS", "3"), true)).build();
        Blueprint blueprint = Blueprint.of(spec, "train-1a2b3c");

        assertThat(blueprint.instance().userData()).isEqualTo(UserData.script(blueprint.run()))
                .startsWith("#!/bin/bash\n").contains("launch_id=train-1a2b3c\n", "code_kind=archive\n", "python train.py\n",
                        "EPOCHS=\"3\"\n").doesNotContainPattern("\n#[^!]").doesNotContain("\n\n");
    }

    static Stream<Arguments> largestRuns() {
        Map<String, String> quotesInEnv = new LinkedHashMap<>();
        int perVariable = 30 + 4 + 2 * 10; // a 30-byte name, its quotes '=' newline, 10 '"' escaped
        for (int i = 0; i < ROOM / perVariable; i++) {
            quotesInEnv.put("V" + String.format("%02d", i) + "_".repeat(27), "\"".repeat(10));
        }
        int envBytes = (ROOM / perVariable) * perVariable;
        String prefix = "a'\"$".repeat(50) + "/";
        return Stream.of(
                Arguments.of("ASCII command", "", new RunSpec(null, null, "x".repeat(ROOM), Map.of(), true)),
                Arguments.of("3-byte characters", "", new RunSpec(null, "\u20ac".repeat(ROOM / 6), "\u20ac".repeat(ROOM / 6), Map.of(), true)),
                Arguments.of("escaped env values", "", new RunSpec(null, "s", "c".repeat(ROOM - envBytes - 1), quotesInEnv, true)),
                Arguments.of("quotes in the data prefix", prefix, new RunSpec(null, "s", "c".repeat(ROOM - 2 * prefix.length() - 1), Map.of(), true)),
                Arguments.of("code in S3", "", new RunSpec("s3://" + LONG_BUCKET + "/" + "k'".repeat(100) + "/", "s",
                        "c".repeat(ROOM - 2 * (5 + 63 + 1 + 200 + 1) - 1), Map.of(), true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("largestRuns")
    void theLargestRunTheSpecAcceptsFitsEc2sSixteenKilobytes(String shape, String dataPrefix, RunSpec run) {
        LaunchSpec spec = base().dataBucket(LONG_BUCKET).dataPrefix(dataPrefix).bucketAccess(BucketAccess.READ_WRITE).run(run).build();
        assertThat(new SpecValidator().validate(spec)).as("the spec accepts it").isEmpty();
        LaunchSpec oneByteMore = base().dataBucket(LONG_BUCKET).dataPrefix(dataPrefix)
                .run(new RunSpec(run.code(), run.setup(), run.command() + "x", run.env(), true)).build();
        assertThat(new SpecValidator().validate(oneByteMore)).as("but not a byte more").isNotEmpty();

        String userData = Blueprint.of(spec, "a".repeat(50) + "-1a2b3c").instance().userData();

        assertThat(userData.getBytes(StandardCharsets.UTF_8).length).as("bytes of user data").isLessThanOrEqualTo(UserData.MAX_BYTES);
    }

    @Test
    void aQuotedWordIsTheTextInWhicheverQuotesAreShorter() {
        assertThat(ShellText.quote("plain/")).isEqualTo("'plain/'");
        assertThat(ShellText.quote("it's")).isEqualTo("\"it's\"");
        assertThat(ShellText.quote("a\"$`\\b")).isEqualTo("'a\"$`\\b'");
        assertThat(ShellText.quote("'\"")).isEqualTo("\"'\\\"\"");
    }

    @Test
    void aHeredocsDelimiterIsNoLineOfItsContent() {
        assertThat(ShellText.heredoc("cat", "a\nHANGAR_EOF\nHANGAR_EOF_1\n b")).isEqualTo(
                "cat <<'HANGAR_EOF_2'\na\nHANGAR_EOF\nHANGAR_EOF_1\n b\nHANGAR_EOF_2\n");
    }

    @Test
    void commentsBlankLinesAndIndentationGoTheShebangStays() {
        assertThat(ShellText.withoutComments("#!/bin/bash\n# why\n\n  x=1 # kept\n    # indented comment\n  y\n"))
                .isEqualTo("#!/bin/bash\nx=1 # kept\ny\n");
    }
}
