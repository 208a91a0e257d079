package dev.hangar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.journal.JournalStore;
import dev.hangar.journal.LaunchJournal;
import dev.hangar.journal.ResourceKind;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.testing.Fixtures;
import dev.hangar.testing.LocalAws;
import dev.hangar.testing.LocalAwsExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A journal file cut short or damaged is found, named and not acted on: {@code status} still lists the
 * other launches, and {@code status}, {@code resume} and {@code destroy} say what is wrong, change
 * nothing and exit 1.
 */
@ExtendWith({LocalAwsExtension.class, TestCredentials.class})
class DamagedJournalTest {

    static final String GOOD = "good-000001";
    static final String BAD = "bad-000002";

    @TempDir Path home;

    static UnaryOperator<String> damage(String how) {
        return switch (how) {
            case "cut in half" -> s -> s.substring(0, s.length() / 2);
            case "cut to nothing" -> s -> "";
            case "garbage" -> s -> "\u0000\u0001PK\u0003\u0004 not a journal \uFFFD";
            case "no state" -> s -> s.replaceFirst("\"state\" : \"LAUNCHING\",", "");
            case "unknown state" -> s -> s.replaceFirst("\"state\" : \"LAUNCHING\"", "\"state\" : \"EXPLODED\"");
            case "resource without an id" -> s -> s.replaceFirst("\"id\" : \"hangar-bad-000002\"", "\"id\" : null");
            case "another launch's file" -> s -> s.replace(BAD, "other-000003");
            default -> throw new IllegalArgumentException(how);
        };
    }

    @ParameterizedTest(name = "journal file {0}")
    @ValueSource(strings = {"cut in half", "cut to nothing", "garbage", "no state", "unknown state", "resource without an id", "another launch's file"})
    void isReportedByEveryCommandAndNothingIsDone(String how, LocalAws aws) throws Exception {
        JournalStore journal = new JournalStore(home);
        LaunchSpec spec = LaunchSpec.builder().name("good").region(LocalAws.REGION).amiId(Fixtures.PYTORCH_UBUNTU_AMI)
                .instanceType("g5.xlarge").dataBucket("research-data").build();
        LaunchJournal.begin(journal, Clock.systemUTC(), GOOD, spec, List.of("create-role"));
        LaunchJournal bad = LaunchJournal.begin(journal, Clock.systemUTC(), BAD, spec.toBuilder().name("bad").build(), List.of("create-role"));
        bad.created(ResourceKind.IAM_ROLE, "hangar-" + BAD, "create-role");
        Path file = journal.fileOf(BAD);
        Files.writeString(file, damage(how).apply(Files.readString(file)));
        byte[] damaged = Files.readAllBytes(file);
        aws.endpoint().clearRecord();

        InProcessCli.Result status = InProcessCli.run(aws.uri(), home, "status", "--json");
        assertThat(status.exit()).as(status.toString()).isEqualTo(1);
        assertThat(new ObjectMapper().readTree(status.out()).toString()).as("the other launches are listed").contains(GOOD);
        assertThat(status.err()).contains(file.toString()).contains("damaged");

        for (List<String> command : List.of(List.of("status", "--launch", BAD), List.of("resume", "--launch", BAD, "--yes"),
                List.of("destroy", "--launch", BAD, "--yes"))) {
            InProcessCli.Result r = InProcessCli.run(aws.uri(), home, command.toArray(String[]::new));
            assertThat(r.exit()).as("%s: %s", command, r).isEqualTo(1);
            assertThat(r.err()).as("%s", command).contains("journal file " + file).contains("damaged and was not used")
                    .contains("Nothing was changed");
            assertThat(r.err()).as("no stack trace").doesNotContain("\tat ");
        }
        assertThat(aws.endpoint().mutatingRequests()).isEmpty();
        assertThat(Files.readAllBytes(file)).as("the damaged file is left as it was").isEqualTo(damaged);
    }
}
