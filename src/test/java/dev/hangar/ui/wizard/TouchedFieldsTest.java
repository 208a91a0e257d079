package dev.hangar.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.spec.Access;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.NetworkMode;
import dev.hangar.spec.SpecProblem;
import dev.hangar.spec.SpecValidator;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.Test;

/**
 * Validation as the researcher meets it, without a window: messages wait until a field is touched or Next is pressed,
 * name the on-screen label, and never speak the spec file's JSON.
 */
class TouchedFieldsTest {

    /** Every JSON field name of the spec, and the spec file's key=value and null. */
    static final Pattern SPEC_WORDS = Pattern.compile("\\b(" + String.join("|", Arrays.stream(LaunchSpec.class.getRecordComponents())
            .map(c -> c.getName()).filter(n -> !n.equals(n.toLowerCase())).toList()) + ")\\b|access=|=true|=false|\\bnull\\b");

    static void assertPlain(String message) {
        assertThat(SPEC_WORDS.matcher(message).find()).as("a JSON field or value in: " + message).isFalse();
    }

    private static LaunchSpec.Builder valid() {
        return LaunchSpec.builder().name("llama").region("us-east-1").amiId("ami-0123456789abcdef0").instanceType("g5.xlarge")
                .dataBucket("research-data");
    }

    @Test
    void noMessageUntilTheFieldIsTouchedThenOnlyItsOwn() {
        WizardState state = new WizardState();
        state.access.set(Access.SSH);
        state.sshCidr.set("10.0.0.5/24");
        TouchedFields access = new TouchedFields(state.problems(), "access", "sshCidr", "keyPair");
        var cidr = access.message("sshCidr");
        var key = access.message("keyPair");
        assertThat(access.complete().get()).as("Next moves on only when the step is complete").isFalse();
        assertThat(cidr.get()).as("nothing shows before the field is touched").isEmpty();
        assertThat(key.get()).isEmpty();

        access.touch("sshCidr");
        assertThat(cidr.get()).startsWith("Allowed address (CIDR): ").contains("did you mean 10.0.0.0/24?");
        assertThat(key.get()).as("the key pair has not been touched").isEmpty();

        access.nextPressed();
        assertThat(key.get()).isEqualTo("Key pair: choose an existing key pair, or pick 'New, named' and type a name");
        assertPlain(key.get());

        state.sshCidr.set("10.0.0.0/24");
        state.keyPair.set("lab");
        assertThat(cidr.get()).as("a message goes as soon as the value is fixed").isEmpty();
        assertThat(key.get()).isEmpty();
        assertThat(access.complete().get()).isTrue();

        state.keyPair.set(null);
        access.reset();
        assertThat(key.get()).as("Launch another: a new spec, untouched").isEmpty();
    }

    @Test
    void aStepSeesOnlyItsOwnFields() {
        WizardState state = new WizardState();
        TouchedFields options = new TouchedFields(state.problems(), "name", "tags");
        assertThat(options.complete().get()).as("the image, type and bucket are not the options' business").isTrue();
        state.tags.set(Map.of("aws:reserved", "x"));
        assertThat(options.complete().get()).isFalse();
        options.touch("tags");
        assertThat(options.message("tags").get()).startsWith("Tags: key \"aws:reserved\" must not start with");
    }

    @Test
    void aProblemTheStepFindsItselfBlocksAndShowsTheSameWay() {
        WizardState state = new WizardState();
        StringProperty unparsed = new SimpleStringProperty("");
        TouchedFields options = new TouchedFields(state.problems(), "name", "tags").alsoCheck("tags", unparsed);
        var tags = options.message("tags");
        unparsed.set("line 2 (\"team\") is not key=value");
        assertThat(options.complete().get()).isFalse();
        assertThat(tags.get()).isEmpty();
        options.touch("tags");
        assertThat(tags.get()).isEqualTo("Tags: line 2 (\"team\") is not key=value");
        unparsed.set("");
        assertThat(options.complete().get()).isTrue();
    }

    /** Each field's typical problem, as the validator reports it for the CLI, and as the screen says it. */
    @Test
    void everyMessageNamesTheOnScreenLabelInPlainWords() {
        List<LaunchSpec> invalid = List.of(
                valid().name(null).amiId(null).instanceType(null).dataBucket(null).build(),
                valid().name("My Llama").amiId("ami-12").instanceType("g5").dataBucket("Research_Data").build(),
                valid().access(Access.SSH).build(),
                valid().access(Access.SSH).createKeyPair(true).sshCidr("0.0.0.0/0").build(),
                valid().access(Access.SSH).keyPair("lab key").createKeyPair(true).sshCidr("203.0.113.7").build(),
                valid().access(Access.SSH).keyPair("k".repeat(300)).sshCidr("203.0.113.7/24").build(),
                valid().sshCidr("203.0.113.7/32").network(NetworkMode.PRIVATE).associatePublicIp(true).build(),
                valid().dataPrefix("/train/*").dataVolumeGiB(0).rootVolumeGiB(99_999).idleStopMinutes(2).build(),
                valid().tags(Map.of("hangar:x", "y", "team", "a|b")).region("us-gov-west-1").build(),
                valid().tags(java.util.Collections.singletonMap("team", null)).build());
        Map<String, String> expected = Map.of(
                "keyPair", "Key pair: ",
                "sshCidr", "Allowed address (CIDR): ",
                "associatePublicIp", "Where the machine sits: ",
                "amiId", "Image ID: ",
                "instanceType", "GPU type: ",
                "dataBucket", "S3 bucket: ",
                "idleStopMinutes", "Stop when idle after: ",
                "dataVolumeGiB", "Data volume (GiB): ");
        int seen = 0;
        for (LaunchSpec spec : invalid) {
            for (SpecProblem problem : new SpecValidator().validate(spec)) {
                String said = FieldMessages.say(problem);
                assertPlain(said);
                assertThat(said).doesNotStartWith(problem.field() + ":").doesNotContain(FieldMessages.NOT_ACCEPTED);
                if (expected.containsKey(problem.field())) {
                    assertThat(said).startsWith(expected.get(problem.field()));
                }
                seen++;
            }
        }
        assertThat(seen).as("problems checked").isGreaterThan(25);
        assertThat(FieldMessages.say(new SpecProblem("sshCidr", "sshCidr 0.0.0.0/0 opens SSH to the whole internet; set allowSshFromAnywhere=true")))
                .isEqualTo("Allowed address (CIDR): this lets the whole internet try to connect: use your own address (…/32), "
                        + "or tick 'Allow SSH from anywhere'");
        assertThat(FieldMessages.say(new SpecProblem("keyPair", "is required when createKeyPair=true (the new key pair's name)")))
                .isEqualTo("Key pair: type a name for the new key pair");
    }

    @Test
    void aMessageThatWouldNameAJsonFieldFallsBackToAPlainSentence() {
        assertThat(FieldMessages.say(new SpecProblem("dataPrefix", "conflicts with dataBucketOwner=123")))
                .isEqualTo("Prefix: " + FieldMessages.NOT_ACCEPTED);
        assertThat(FieldMessages.namesSpecWords("may contain only lowercase letters, not \"myBucket=x\""))
                .as("what the user typed is shown as typed").isFalse();
        assertThat(FieldMessages.label("tags.project")).isEqualTo("Tags");
    }
}
