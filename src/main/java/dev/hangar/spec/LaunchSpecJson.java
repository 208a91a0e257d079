package dev.hangar.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads and writes launch spec JSON. Every read reports every problem at once as one
 * {@link InvalidSpecException}: unreadable JSON, unknown fields, values of the wrong type and every
 * {@link SpecValidator} rule. Nothing else is thrown for any content (I/O failures of a file or stream
 * are {@link IOException}s).
 */
public final class LaunchSpecJson {

    /** Field names in the order they are written: DESIGN.md's order, then the fields added since. */
    public static final List<String> FIELDS = List.of("name", "region", "availabilityZone", "amiId",
            "instanceType", "keyPair", "createKeyPair", "dataBucket", "dataPrefix", "bucketAccess",
            "dataVolumeGiB", "rootVolumeGiB", "deleteDataVolumeOnTermination", "tenancy", "access", "sshCidr",
            "subnetId", "associatePublicIp", "market", "idleStopMinutes", "tags", "egress", "allowSshFromAnywhere",
            "dataBucketOwner", "permissionsBoundaryArn", "network", "capacityReservationId", "run", "cluster");

    /** A spec is a few hundred bytes; anything near this is not one. */
    public static final int MAX_BYTES = 1 << 20;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter().withSeparators(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

    private LaunchSpecJson() {
    }

    /** @throws InvalidSpecException listing every problem */
    public static LaunchSpec read(String json) {
        if (json == null) {
            throw invalid(SpecProblem.DOCUMENT, "no document");
        }
        if (json.length() > MAX_BYTES) {
            throw tooLarge();
        }
        String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
        return fromTree(parse(() -> MAPPER.readTree(text)));
    }

    /** UTF-8 JSON (Jackson also detects UTF-16/32 by their byte patterns). @throws InvalidSpecException */
    public static LaunchSpec read(byte[] json) {
        if (json == null) {
            throw invalid(SpecProblem.DOCUMENT, "no document");
        }
        if (json.length > MAX_BYTES) {
            throw tooLarge();
        }
        return fromTree(parse(() -> MAPPER.readTree(json)));
    }

    /**
     * Reads the stream to its end (it is not closed).
     *
     * @throws InvalidSpecException listing every problem
     * @throws IOException          if the stream cannot be read
     */
    public static LaunchSpec read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw tooLarge();
        }
        return read(bytes);
    }

    /**
     * @throws InvalidSpecException listing every problem
     * @throws IOException          if the file cannot be read (missing, a directory, no permission)
     */
    public static LaunchSpec read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    /** Checks an already parsed tree (e.g. a spec embedded in a larger document). @throws InvalidSpecException */
    public static LaunchSpec fromTree(JsonNode tree) {
        SpecTreeReader reader = new SpecTreeReader().read(tree);
        List<SpecProblem> problems = new ArrayList<>(reader.problems());
        LaunchSpec spec = reader.spec();
        if (problems.stream().noneMatch(p -> p.field().equals(SpecProblem.DOCUMENT))) {
            // A field that could not be read already has its problem; the validator would only add noise.
            Set<String> unread = problems.stream().map(SpecProblem::field).collect(Collectors.toSet());
            new SpecValidator().validate(spec).stream()
                    .filter(p -> !unread.contains(p.field()) && !unread.contains(root(p.field())))
                    .forEach(problems::add);
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(LaunchSpecJson::fieldOrder));
            throw new InvalidSpecException(problems);
        }
        return spec;
    }

    /** Problems are listed in field order; unknown fields come last, in document order. */
    private static int fieldOrder(SpecProblem problem) {
        int index = FIELDS.indexOf(root(problem.field()));
        return index >= 0 ? index : FIELDS.size();
    }

    /** The top-level field of a problem's path: {@code run} for {@code run.command}. */
    private static String root(String field) {
        int dot = field.indexOf('.');
        return dot < 0 ? field : field.substring(0, dot);
    }

    /** Pretty JSON in {@link #FIELDS} order, ending in a newline. Does not validate. */
    public static String write(LaunchSpec spec) {
        try {
            return WRITER.writeValueAsString(toTree(spec)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // cannot happen: a tree of strings, numbers and booleans
        }
    }

    public static void write(LaunchSpec spec, Path file) throws IOException {
        Files.writeString(file, write(spec), StandardCharsets.UTF_8);
    }

    /** The spec as a JSON object, in {@link #FIELDS} order. */
    public static ObjectNode toTree(LaunchSpec spec) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("name", spec.name());
        o.put("region", spec.region());
        o.put("availabilityZone", spec.availabilityZone());
        o.put("amiId", spec.amiId());
        o.put("instanceType", spec.instanceType());
        o.put("keyPair", spec.keyPair());
        o.put("createKeyPair", spec.createKeyPair());
        o.put("dataBucket", spec.dataBucket());
        o.put("dataPrefix", spec.dataPrefix());
        o.put("bucketAccess", wire(spec.bucketAccess()));
        o.put("dataVolumeGiB", spec.dataVolumeGiB());
        o.put("rootVolumeGiB", spec.rootVolumeGiB());
        o.put("deleteDataVolumeOnTermination", spec.deleteDataVolumeOnTermination());
        o.put("tenancy", wire(spec.tenancy()));
        o.put("access", wire(spec.access()));
        o.put("sshCidr", spec.sshCidr());
        o.put("subnetId", spec.subnetId());
        o.put("associatePublicIp", spec.associatePublicIp());
        o.put("market", wire(spec.market()));
        o.put("idleStopMinutes", spec.idleStopMinutes());
        ObjectNode tags = o.putObject("tags");
        spec.tags().forEach(tags::put);
        o.put("egress", wire(spec.egress()));
        o.put("allowSshFromAnywhere", spec.allowSshFromAnywhere());
        // Optional fields added later are written only when set, so an older spec reads and hashes as before.
        if (spec.dataBucketOwner() != null) {
            o.put("dataBucketOwner", spec.dataBucketOwner());
        }
        if (spec.permissionsBoundaryArn() != null) {
            o.put("permissionsBoundaryArn", spec.permissionsBoundaryArn());
        }
        // Always written: where the machine sits is worth seeing in every spec file.
        o.put("network", wire(spec.network()));
        if (spec.capacityReservationId() != null) {
            o.put("capacityReservationId", spec.capacityReservationId());
        }
        if (spec.run() != null) {
            RunSpec run = spec.run();
            ObjectNode r = o.putObject("run");
            r.put("code", run.code());
            r.put("setup", run.setup());
            r.put("command", run.command());
            ObjectNode env = r.putObject("env");
            run.env().forEach(env::put);
            r.put("stopWhenDone", run.stopWhenDone());
        }
        if (spec.cluster() != null) {
            ClusterSpec cluster = spec.cluster();
            ObjectNode c = o.putObject("cluster");
            c.put("nodes", cluster.nodes());
            c.put("minNodes", cluster.minNodes());
            c.put("efa", wire(cluster.efa()));
            c.put("scaledownIdleMinutes", cluster.scaledownIdleMinutes());
            c.put("headNodeType", cluster.headNodeType());
        }
        return o;
    }

    private static String wire(WireEnum value) {
        return value == null ? null : value.wireName();
    }

    private interface Parse {
        JsonNode run() throws IOException;
    }

    private static JsonNode parse(Parse parse) {
        try {
            return parse.run();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            throw invalid(SpecProblem.DOCUMENT, "not valid JSON: " + where + withoutJacksonHints(e.getOriginalMessage()));
        } catch (IOException | RuntimeException e) {
            // e.g. CharConversionException for bytes in no Unicode encoding
            throw invalid(SpecProblem.DOCUMENT, "not valid JSON: " + withoutJacksonHints(e.getMessage()));
        }
    }

    /** Jackson's first message line without its hints about Jackson itself. */
    private static String withoutJacksonHints(String message) {
        String line = (message == null || message.isEmpty() ? "unreadable" : Show.firstLine(message)).strip()
                .replaceAll(" \\(start marker at \\[Source: .*?; line: (\\d+), column: (\\d+)\\]\\)",
                        " (opened at line $1, column $2)")
                .replaceAll(" \\(bound as `[^`]*`\\): not allowed as per `[^`]*`", "")
                .replaceAll(", from `[^`]*`", "");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private static InvalidSpecException tooLarge() {
        return invalid(SpecProblem.DOCUMENT, "larger than " + MAX_BYTES + " bytes; a launch spec is a few hundred");
    }

    private static InvalidSpecException invalid(String field, String message) {
        return new InvalidSpecException(List.of(new SpecProblem(field, message)));
    }
}
