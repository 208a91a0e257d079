package dev.hangar.ui.wizard;

import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.NetworkMode;
import dev.hangar.spec.SpecProblem;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The spec's problems in the words of the screen. The validator's messages are for the spec file and the CLI: they name
 * JSON fields ("is required when access=ssh"). Here each problem names the control's label as the step shows it and
 * says what to do with that control; the validator is left as it is.
 */
final class FieldMessages {

    /** Said when a message would otherwise name a JSON field: the label still tells where to look. */
    static final String NOT_ACCEPTED = "this value cannot be used; see the note beside the field";

    /** What each field is called on screen (the step's label, or its title where the step has no label of its own). */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("name", "Name"),
            Map.entry("region", "Region"),
            Map.entry("availabilityZone", "Availability zone"),
            Map.entry("amiId", "Image ID"),
            Map.entry("instanceType", "GPU type"),
            Map.entry("keyPair", "Key pair"),
            Map.entry("createKeyPair", "Key pair"),
            Map.entry("dataBucket", "S3 bucket"),
            Map.entry("dataPrefix", "Prefix"),
            Map.entry("bucketAccess", "The machine may"),
            Map.entry("dataVolumeGiB", "Data volume (GiB)"),
            Map.entry("rootVolumeGiB", "Root volume (GiB)"),
            Map.entry("tenancy", "Hardware"),
            Map.entry("access", "How you connect"),
            Map.entry("sshCidr", "Allowed address (CIDR)"),
            Map.entry("allowSshFromAnywhere", "Allowed address (CIDR)"),
            Map.entry("subnetId", "Subnet"),
            Map.entry("network", "Where the machine sits"),
            Map.entry("associatePublicIp", "Where the machine sits"),
            Map.entry("market", "Purchase"),
            Map.entry("idleStopMinutes", "Stop when idle after"),
            Map.entry("egress", "Outbound traffic"),
            Map.entry("tags", "Tags"),
            Map.entry("dataBucketOwner", "Bucket owner's account"),
            Map.entry("permissionsBoundaryArn", "Permissions boundary"),
            Map.entry("capacityReservationId", "Capacity reservation"),
            Map.entry("cluster", "Nodes"),
            Map.entry("run", "Run"));

    /** What to do when a field is empty, by field; a choice that is missing says "choose one". */
    private static final Map<String, String> REQUIRED = Map.of(
            "name", "give the launch a name, e.g. llama-finetune",
            "region", "choose a region in the list",
            "amiId", "choose an image in the list, or type an ID like ami-0123456789abcdef0",
            "instanceType", "choose a type in the table",
            "keyPair", "choose an existing key pair, or pick 'New, named' and type a name",
            "dataBucket", "choose a bucket, or type its name",
            "sshCidr", "enter an address range like 203.0.113.7/32, or press 'Detect my address'");

    /** A validator message that names a JSON field or a JSON value, and what the screen says instead. */
    private record Rewrite(String field, Predicate<String> matches, String plain) {
        static Rewrite of(String field, String fragment, String plain) {
            return new Rewrite(field, m -> m.contains(fragment), plain);
        }
    }

    private static final List<Rewrite> REWRITES = List.of(
            Rewrite.of("keyPair", "when createKeyPair=true", "type a name for the new key pair"),
            Rewrite.of("keyPair", "characters long", "use 1 to 255 characters"),
            Rewrite.of("keyPair", "may contain only", "use only letters, digits, '.', '_' and '-'"),
            Rewrite.of("sshCidr", "whole internet", "this lets the whole internet try to connect: use your own address "
                    + "(…/32), or tick 'Allow SSH from anywhere'"),
            Rewrite.of("sshCidr", "only used with access=ssh", "is used only with 'SSH from your address only'"),
            Rewrite.of("associatePublicIp", "no public IP", "only '" + NetworkChoices.title(NetworkMode.PUBLIC)
                    + "' gives the machine a public address"),
            Rewrite.of("tags", "must be a string", "give every tag a value after '=' (it may be empty)"));

    /** Words of the spec file that no screen shows: field names written in camelCase, {@code key=value} and null. */
    private static final Pattern SPEC_WORDS = Pattern.compile("\\b(" + String.join("|", Arrays.stream(LaunchSpec.class.getRecordComponents())
            .map(c -> c.getName()).filter(n -> !n.equals(n.toLowerCase())).toList()) + ")\\b|\\b\\w+=\\w|\\bnull\\b");
    /** A value the user typed, quoted by the validator: it may hold anything and is shown as it is. */
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"");

    private FieldMessages() {
    }

    /** The on-screen label of a field path ({@code tags.project} is Tags); a field no step shows is named in words. */
    static String label(String field) {
        int dot = field.indexOf('.');
        String top = dot < 0 ? field : field.substring(0, dot);
        return LABELS.getOrDefault(top, "The loaded spec");
    }

    /** The problem as the screen says it: "Key pair: choose an existing key pair, …". */
    static String say(SpecProblem problem) {
        return label(problem.field()) + ": " + plain(problem);
    }

    /** A message of the step itself (not the spec's), under the same label. */
    static String say(String field, String message) {
        return label(field) + ": " + message;
    }

    private static String plain(SpecProblem problem) {
        String field = problem.field();
        String message = problem.message();
        String top = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
        for (Rewrite rewrite : REWRITES) {
            if (rewrite.field().equals(top) && rewrite.matches().test(message)) {
                return rewrite.plain();
            }
        }
        if (message.startsWith("is required")) {
            return REQUIRED.getOrDefault(top, "choose one");
        }
        return namesSpecWords(message) ? NOT_ACCEPTED : message;
    }

    /** Whether a validator message names a JSON field or value, leaving aside what the user typed. */
    static boolean namesSpecWords(String message) {
        return SPEC_WORDS.matcher(QUOTED.matcher(message).replaceAll("")).find();
    }
}
