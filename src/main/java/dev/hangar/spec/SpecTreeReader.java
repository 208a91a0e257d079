package dev.hangar.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns a parsed JSON tree into a (not yet validated) spec, collecting a problem for every unknown field
 * and every value of the wrong JSON type instead of stopping at the first. A field with a problem is
 * left null (or at its default, for numbers and booleans), so later rules do not judge a value that was
 * never read.
 */
final class SpecTreeReader {

    private final LaunchSpec.Builder builder = LaunchSpec.builder();
    private final List<SpecProblem> problems = new ArrayList<>();

    /** The spec read so far; meaningful together with {@link #problems()}. */
    LaunchSpec spec() {
        return builder.build();
    }

    List<SpecProblem> problems() {
        return problems;
    }

    SpecTreeReader read(JsonNode root) {
        if (root == null || root.isMissingNode()) {
            problems.add(new SpecProblem(SpecProblem.DOCUMENT, "the document is empty; expected a JSON object"));
            return this;
        }
        if (!root.isObject()) {
            problems.add(new SpecProblem(SpecProblem.DOCUMENT, "the top level must be a JSON object, not "
                    + describe(root)));
            return this;
        }
        root.properties().forEach(p -> field(p.getKey(), p.getValue()));
        return this;
    }

    private void field(String field, JsonNode value) {
        LaunchSpec.Builder b = builder;
        switch (field) {
            case "name" -> b.name(required(field, value));
            case "region" -> b.region(required(field, value));
            case "availabilityZone" -> b.availabilityZone(nullable(field, value));
            case "amiId" -> b.amiId(required(field, value));
            case "instanceType" -> b.instanceType(required(field, value));
            case "keyPair" -> b.keyPair(nullable(field, value));
            case "createKeyPair" -> bool(field, value, b::createKeyPair);
            case "dataBucket" -> b.dataBucket(required(field, value));
            case "dataPrefix" -> b.dataPrefix(text(field, value));
            case "bucketAccess" -> b.bucketAccess(wire(field, value, BucketAccess.class));
            case "dataVolumeGiB" -> integer(field, value, b::dataVolumeGiB);
            case "rootVolumeGiB" -> integer(field, value, b::rootVolumeGiB);
            case "deleteDataVolumeOnTermination" -> bool(field, value, b::deleteDataVolumeOnTermination);
            case "tenancy" -> b.tenancy(wire(field, value, Tenancy.class));
            case "access" -> b.access(wire(field, value, Access.class));
            case "sshCidr" -> b.sshCidr(nullable(field, value));
            case "subnetId" -> b.subnetId(nullable(field, value));
            case "associatePublicIp" -> bool(field, value, b::associatePublicIp);
            case "market" -> b.market(wire(field, value, Market.class));
            case "idleStopMinutes" -> integer(field, value, b::idleStopMinutes);
            case "tags" -> b.tags(strings(field, value, "{\"project\": \"nlp\"}"));
            case "egress" -> b.egress(wire(field, value, Egress.class));
            case "allowSshFromAnywhere" -> bool(field, value, b::allowSshFromAnywhere);
            case "dataBucketOwner" -> b.dataBucketOwner(nullable(field, value));
            case "permissionsBoundaryArn" -> b.permissionsBoundaryArn(nullable(field, value));
            case "network" -> b.network(wire(field, value, NetworkMode.class));
            case "capacityReservationId" -> b.capacityReservationId(nullable(field, value));
            case "run" -> b.run(value.isNull() ? null : run(value));
            case "cluster" -> b.cluster(value.isNull() ? null : cluster(value));
            default -> unknown(field);
        }
    }

    /** {@code run}: an object; its problems are named {@code run.<field>}. */
    private RunSpec run(JsonNode value) {
        if (!isObject("run", value, "{\"command\": \"python train.py\"}")) {
            return null;
        }
        String[] code = {null};
        String[] setup = {null};
        String[] command = {null};
        Map<String, String> env = new LinkedHashMap<>();
        boolean[] stop = {RunSpec.DEFAULT_STOP_WHEN_DONE};
        value.properties().forEach(p -> {
            String field = "run." + p.getKey();
            JsonNode v = p.getValue();
            switch (p.getKey()) {
                case "code" -> code[0] = nullable(field, v);
                case "setup" -> setup[0] = nullable(field, v);
                case "command" -> command[0] = required(field, v);
                case "env" -> env.putAll(strings(field, v, "{\"EPOCHS\": \"3\"}"));
                case "stopWhenDone" -> bool(field, v, b -> stop[0] = b);
                default -> problems.add(new SpecProblem(field, "is not a field of run (code, setup, command, env, stopWhenDone)"));
            }
        });
        return new RunSpec(code[0], setup[0], command[0], env, stop[0]);
    }

    /** {@code cluster}: an object; absent fields keep {@link ClusterSpec#defaults()}. */
    private ClusterSpec cluster(JsonNode value) {
        if (!isObject("cluster", value, "{\"nodes\": 4}")) {
            return null;
        }
        ClusterSpec d = ClusterSpec.defaults();
        int[] nodes = {d.nodes()};
        int[] minNodes = {d.minNodes()};
        EfaMode[] efa = {d.efa()};
        int[] idle = {d.scaledownIdleMinutes()};
        String[] head = {d.headNodeType()};
        value.properties().forEach(p -> {
            String field = "cluster." + p.getKey();
            JsonNode v = p.getValue();
            switch (p.getKey()) {
                case "nodes" -> integer(field, v, n -> nodes[0] = n);
                case "minNodes" -> integer(field, v, n -> minNodes[0] = n);
                case "efa" -> efa[0] = wire(field, v, EfaMode.class);
                case "scaledownIdleMinutes" -> integer(field, v, n -> idle[0] = n);
                case "headNodeType" -> head[0] = required(field, v);
                default -> problems.add(new SpecProblem(field,
                        "is not a field of cluster (nodes, minNodes, efa, scaledownIdleMinutes, headNodeType)"));
            }
        });
        return new ClusterSpec(nodes[0], minNodes[0], efa[0], idle[0], head[0]);
    }

    private boolean isObject(String field, JsonNode value, String example) {
        if (!value.isObject()) {
            problems.add(new SpecProblem(field, "must be an object like " + example + ", or null, not " + describe(value)));
        }
        return value.isObject();
    }

    private String required(String field, JsonNode value) {
        if (value.isNull()) {
            problems.add(new SpecProblem(field, "is required"));
            return null;
        }
        return text(field, value);
    }

    private String nullable(String field, JsonNode value) {
        return value.isNull() ? null : text(field, value);
    }

    private String text(String field, JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        problems.add(new SpecProblem(field, "must be a string, not " + describe(value)));
        return null;
    }

    private void bool(String field, JsonNode value, Consumer<Boolean> set) {
        if (value.isBoolean()) {
            set.accept(value.booleanValue());
        } else {
            problems.add(new SpecProblem(field, "must be true or false, not " + describe(value)));
        }
    }

    private void integer(String field, JsonNode value, Consumer<Integer> set) {
        if (!value.isIntegralNumber()) {
            problems.add(new SpecProblem(field, "must be a whole number, not " + describe(value)));
        } else if (!value.canConvertToInt()) {
            problems.add(new SpecProblem(field, "must be a whole number in range, not " + describe(value)));
        } else {
            set.accept(value.intValue());
        }
    }

    private <E extends Enum<E> & WireEnum> E wire(String field, JsonNode value, Class<E> type) {
        E found = value.isTextual() ? WireEnum.lookup(type, value.textValue()).orElse(null) : null;
        if (found == null) {
            problems.add(new SpecProblem(field, "must be one of " + WireEnum.allowed(type) + ", not " + describe(value)));
        }
        return found;
    }

    /** An object of string values ({@code tags}, {@code run.env}); a value of another type is a problem of its own. */
    private Map<String, String> strings(String field, JsonNode value, String example) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!value.isObject()) {
            problems.add(new SpecProblem(field, "must be an object of string values, like " + example + ", not "
                    + describe(value)));
            return out;
        }
        value.properties().forEach(entry -> {
            if (entry.getValue().isTextual()) {
                out.put(entry.getKey(), entry.getValue().textValue());
            } else {
                problems.add(new SpecProblem(field + "." + entry.getKey(), "must be a string, not " + describe(entry.getValue())));
            }
        });
        return out;
    }

    private void unknown(String field) {
        String suggestion = LaunchSpecJson.FIELDS.stream()
                .filter(known -> known.equalsIgnoreCase(field) || distance(known.toLowerCase(Locale.ROOT),
                        field.toLowerCase(Locale.ROOT)) <= 2)
                .findFirst().map(known -> " (did you mean \"" + known + "\"?)").orElse("");
        boolean plain = !field.isEmpty() && field.length() <= 64 && field.chars().allMatch(c -> c > 0x20 && c < 0x7f);
        problems.add(new SpecProblem(plain ? field : Show.quote(field),
                "field " + Show.quote(field) + " is not a launch spec field" + suggestion));
    }

    private static String describe(JsonNode value) {
        if (value.isNull()) {
            return "null";
        }
        if (value.isTextual()) {
            return "the string " + Show.quote(value.textValue());
        }
        if (value.isNumber() && !Double.isFinite(value.doubleValue())) {
            return "a number out of range";
        }
        if (value.isNumber()) {
            String text = value.asText();
            return text.length() > 40 ? "a " + text.length() + "-digit number" : text;
        }
        if (value.isBoolean()) {
            return String.valueOf(value.booleanValue());
        }
        if (value.isContainerNode()) {
            return value.isArray() ? "an array" : "an object";
        }
        return "a " + value.getNodeType().name().toLowerCase(Locale.ROOT) + " value";
    }

    /** Levenshtein distance, capped early: only small distances matter for a suggestion. */
    private static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 2 || a.length() > 64 || b.length() > 64) {
            return Integer.MAX_VALUE;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
