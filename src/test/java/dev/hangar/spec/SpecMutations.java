package dev.hangar.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Mutated launch specs for fuzzing: a valid spec document with one to four mutations applied — fields
 * dropped, duplicated, renamed, set to values of every JSON type (extreme numbers, unicode, long strings,
 * injection strings, CIDR edge cases), tags broken, and the text itself cut, spliced or wrapped. Each
 * mutation prints as what it did, so that a failing case shrinks to a readable list.
 */
public final class SpecMutations {

    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A mutation of the document's tree or of its text. */
    public interface Mutation {
        /** Changes the tree in place; the text mutations leave it alone. */
        default void tree(ObjectNode doc) {
        }

        /** Changes the serialized text; the tree mutations leave it alone. */
        default String text(String json) {
            return json;
        }
    }

    record Drop(String field) implements Mutation {
        public void tree(ObjectNode doc) {
            doc.remove(field);
        }
    }

    record Set(String field, JsonNode value) implements Mutation {
        public void tree(ObjectNode doc) {
            // A copy: the generator's nodes are shared between cases, and a later Tag must not change
            // (or nest into itself) the node another case uses.
            doc.set(field, value.deepCopy());
        }

        @Override
        public String toString() {
            return "Set[" + field + " = " + cut(value.toString()) + "]";
        }
    }

    /** Moves a field's value under another name (a typo, another case, unicode look-alike, empty, very long). */
    record Rename(String field, String to) implements Mutation {
        @Override
        public String toString() {
            return "Rename[" + field + " -> " + cut(to) + "]";
        }

        public void tree(ObjectNode doc) {
            JsonNode v = doc.remove(field);
            if (v != null) {
                doc.set(to, v);
            }
        }
    }

    record Tag(String key, JsonNode value) implements Mutation {
        @Override
        public String toString() {
            return "Tag[" + cut(key) + " = " + cut(value.toString()) + "]";
        }

        public void tree(ObjectNode doc) {
            JsonNode tags = doc.get("tags");
            ObjectNode t = tags instanceof ObjectNode o ? o : doc.putObject("tags");
            t.set(key, value.deepCopy());
        }
    }

    record ManyTags(int count) implements Mutation {
        public void tree(ObjectNode doc) {
            ObjectNode t = doc.putObject("tags");
            for (int i = 0; i < count; i++) {
                t.put("k" + i, "v" + i);
            }
        }
    }

    /** The field a second time, with another value, at the start of the object (duplicate keys). */
    record Duplicate(String field, String rawValue) implements Mutation {
        @Override
        public String toString() {
            return "Duplicate[" + field + " = " + cut(rawValue) + "]";
        }

        public String text(String json) {
            int brace = json.indexOf('{');
            return brace < 0 ? json : json.substring(0, brace + 1) + "\"" + field + "\": " + rawValue + ", " + json.substring(brace + 1);
        }
    }

    /** Cuts the document short at a fraction of its length. */
    record Truncate(double at) implements Mutation {
        public String text(String json) {
            return json.substring(0, (int) (json.length() * at));
        }
    }

    /** Inserts text at a fraction of the document's length. */
    record Splice(double at, String inserted) implements Mutation {
        @Override
        public String toString() {
            return "Splice[at " + at + ": " + cut(inserted) + "]";
        }

        public String text(String json) {
            int i = (int) (json.length() * at);
            return json.substring(0, i) + inserted + json.substring(i);
        }
    }

    /** Puts the document inside something else, or replaces it. */
    record Wrap(String before, String after, boolean keep) implements Mutation {
        @Override
        public String toString() {
            return "Wrap[" + cut(before) + (keep ? " <doc> " : " (doc dropped) ") + cut(after) + "]";
        }

        public String text(String json) {
            return before + (keep ? json : "") + after;
        }
    }

    private SpecMutations() {
    }

    /** A value as a failure report shows it: escaped and at most 80 characters. */
    static String cut(String s) {
        String shown = s.length() > 80 ? s.substring(0, 80) + "… (" + s.length() + " chars)" : s;
        StringBuilder out = new StringBuilder();
        shown.codePoints().forEach(c -> out.append(c < 0x20 || c == 0x7f || (c >= 0xD800 && c <= 0xDFFF) || c == 0xFEFF
                ? String.format("\\u%04x", c) : new String(Character.toChars(c))));
        return out.toString();
    }

    /** Valid documents to start from: the DESIGN.md example, an SSH spec with every field, a minimal one. */
    static List<String> bases() {
        LaunchSpec full = LaunchSpec.builder().name("llama-finetune").region("us-east-1").availabilityZone("us-east-1a")
                .amiId("ami-0123456789abcdef0").instanceType("g5.xlarge").keyPair("my-key").createKeyPair(true)
                .dataBucket("my-datasets").dataPrefix("train/").bucketAccess(BucketAccess.READ_WRITE).dataVolumeGiB(500)
                .rootVolumeGiB(200).deleteDataVolumeOnTermination(true).tenancy(Tenancy.DEDICATED).access(Access.SSH)
                .sshCidr("203.0.113.7/32").subnetId("subnet-0123456789abcdef0").associatePublicIp(true).market(Market.SPOT)
                .idleStopMinutes(30).tag("project", "nlp").tag("owner", "ada").egress(Egress.HTTPS_ONLY).build();
        String minimal = "{\"name\": \"m\", \"region\": \"eu-west-1\", \"amiId\": \"ami-01234567\", \"instanceType\": \"p5.48xlarge\", "
                + "\"dataBucket\": \"bkt\"}";
        return List.of(SpecFixtures.designExample(), LaunchSpecJson.write(full), minimal);
    }

    /** A base document with one to four mutations, as JSON text; see {@link #apply}. */
    public static Arbitrary<Case> cases() {
        return Combinators.combine(Arbitraries.of(bases()), mutation().list().ofMinSize(1).ofMaxSize(4)).as(Case::new);
    }

    /** One fuzz case: where it started and what was done to it. */
    public record Case(String base, List<Mutation> mutations) {
        public String json() {
            return apply(base, mutations);
        }

        @Override
        public String toString() {
            String json = json();
            return mutations + " → " + (json.length() > 400 ? json.substring(0, 400) + "… (" + json.length() + " chars)" : json);
        }
    }

    static String apply(String base, List<Mutation> mutations) {
        ObjectNode doc;
        try {
            doc = (ObjectNode) JSON.readTree(base);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        mutations.forEach(m -> m.tree(doc));
        String text = doc.toString();
        for (Mutation m : mutations) {
            text = m.text(text);
        }
        return text;
    }

    static Arbitrary<Mutation> mutation() {
        Arbitrary<String> field = Arbitraries.of(LaunchSpecJson.FIELDS);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, field.map(Drop::new)),
                net.jqwik.api.Tuple.of(12, Combinators.combine(field, values()).as(Set::new)),
                net.jqwik.api.Tuple.of(4, Combinators.combine(field, fieldNames()).as(Rename::new)),
                net.jqwik.api.Tuple.of(4, Combinators.combine(tagKeys(), Arbitraries.oneOf(strings().map(NODES::textNode), values())).as(Tag::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(0, 49, 50, 51, 200).map(ManyTags::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(field, values().map(JsonNode::toString)).as(Duplicate::new)),
                net.jqwik.api.Tuple.of(2, Arbitraries.doubles().between(0, 1).map(Truncate::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(Arbitraries.doubles().between(0, 1), splices()).as(Splice::new)),
                net.jqwik.api.Tuple.of(1, wraps()));
    }

    /** Values of every JSON type, weighted towards the ones that break things. */
    static Arbitrary<JsonNode> values() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, strings().map(NODES::textNode)),
                net.jqwik.api.Tuple.of(5, numbers()),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode())),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(NODES.arrayNode(), NODES.arrayNode().add(1).add("a"), NODES.objectNode(),
                        NODES.objectNode().put("a", 1), NODES.arrayNode().add(NODES.arrayNode().add(NODES.objectNode())))));
    }

    static Arbitrary<JsonNode> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.of(0, -1, 1, 4, 5, 16_384, 16_385, 10_080, 10_081, Integer.MAX_VALUE, Integer.MIN_VALUE).map(NODES::numberNode),
                Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE, 2_147_483_648L).map(NODES::numberNode),
                Arbitraries.of(-0.0, 1.5, 100.0, 1e308, -1e308, 4.9e-324, Double.MAX_VALUE).map(NODES::numberNode),
                Arbitraries.of(new BigInteger("1" + "0".repeat(400)), new BigInteger("-9" + "9".repeat(60))).map(NODES::numberNode),
                Arbitraries.of(new BigDecimal("1e400"), new BigDecimal("100.000"), new BigDecimal("1e-400")).map(NODES::numberNode));
    }

    static Arbitrary<String> strings() {
        return Arbitraries.oneOf(
                Arbitraries.of(NASTY),
                Arbitraries.strings().all().ofMaxLength(60),
                Arbitraries.strings().withCharRange('a', 'z').withChars('-', '.', '/', ':', '0', '1', '9').ofMinLength(1).ofMaxLength(70),
                Arbitraries.of(2_000, 70_000).map(n -> "a".repeat(n)),
                Arbitraries.of(CIDRS));
    }

    static Arbitrary<String> fieldNames() {
        return Arbitraries.oneOf(
                Arbitraries.of(LaunchSpecJson.FIELDS),
                Arbitraries.of(LaunchSpecJson.FIELDS).map(f -> f.toUpperCase(java.util.Locale.ROOT)),
                Arbitraries.of(LaunchSpecJson.FIELDS).map(f -> f.length() > 1 ? f.substring(1) : f + "x"),
                Arbitraries.of("", " ", "name ", "nаme" /* Cyrillic a */, "__proto__", "tags.project", "$ref", "\u0000", "a".repeat(300),
                        "instance_type", "ami_id", "sshcidr", "🚀", "dataBucket\u200B"),
                Arbitraries.strings().all().ofMaxLength(30));
    }

    static Arbitrary<String> tagKeys() {
        return Arbitraries.oneOf(
                Arbitraries.of("project", "Name", "hangar:launch-id", "hangar:name", "aws:cloudformation:stack-name", "AWS:x", "", " ",
                        "k".repeat(128), "k".repeat(129), "ключ", "key=value", "a/b+c-d_e.f:g@h", "🚀", "\u0000", "tag\nkey"),
                Arbitraries.strings().all().ofMaxLength(20));
    }

    static Arbitrary<String> splices() {
        return Arbitraries.oneOf(
                Arbitraries.of("{", "}", "[", "]", ",", ":", "\"", "\\", "\u0000", "\uFEFF", "// comment\n", "/* c */", "NaN", "Infinity",
                        "'single'", "\"x\": 1,", ",,", "\ud800", "\u2028"),
                Arbitraries.strings().all().ofMaxLength(8));
    }

    static Arbitrary<Mutation> wraps() {
        return Arbitraries.of(
                new Wrap("[", "]", true), new Wrap("", " trailing", true), new Wrap("\uFEFF", "", true), new Wrap("", "", false),
                new Wrap("null", "", false), new Wrap("\"a string\"", "", false), new Wrap("42", "", false), new Wrap("", "{}", true),
                new Wrap("[".repeat(5000), "]".repeat(5000), false), new Wrap("{\"a\":".repeat(3000) + "1" + "}".repeat(3000), "", false),
                new Wrap("  \n\t ", "\n\n", true));
    }

    static final List<String> NASTY = List.of("", " ", "\t", "\u0000", "null", "true", "0", "-1", "ami-0123456789abcdef0", "us-east-1",
            "us-east-1a", "g5.xlarge", "subnet-0123456789abcdef0", "read-write", "ssh", "dedicated", "spot", "https-only",
            "../../etc/passwd", "'; DROP TABLE launches; --", "${jndi:ldap://example.invalid/a}", "$(rm -rf ~)", "`id`",
            "<script>alert(1)</script>", "%s%s%n", "\r\n", "\u202Egnp.exe", "\ud800", "\udfff", "🚀", "مرحبا", "Ω≈ç√∫", "\u200B",
            "\\", "\"", "*", "?", "${aws:username}", "arn:aws:s3:::*", "train/*", "/abs/prefix", "a\u0007b", "-", "a-", "-a",
            "UPPER", "x".repeat(41), "x".repeat(255), "x".repeat(256), "x".repeat(1025), "é".repeat(600));

    static final List<String> CIDRS = List.of("0.0.0.0/0", "::/0", "10.0.0.5/24", "10.0.0.0/24", "300.1.1.1/32", "1.2.3.4/33", "1.2.3.4",
            "fe80::1/128", "::ffff:1.2.3.4/128", " 203.0.113.7/32", "203.0.113.7/32 ", "203.0.113.07/32", "203.0.113.7/032",
            "203.0.113.7/-1", "2001:db8::/0", "2001:db8::1/129", "2001:db8::/32", "2001:DB8::1/128", "0.0.0.0/32", "255.255.255.255/32",
            "127.0.0.1/32", "169.254.169.254/32", "203.0.113.7/", "/32", "203.0.113.7/32/32", "1.2.3/24", "1.2.3.4.5/32", "0x7f.0.0.1/32",
            "2001:db8:::1/128", "[2001:db8::1]/128", "203.0.113.0/8", "8.8.8.8/1");

    /** Every top-level key of a JSON text, duplicates included, when the text parses as an object; empty otherwise. */
    static List<String> topLevelKeys(String json) {
        List<String> keys = new ArrayList<>();
        try {
            JsonNode node = new ObjectMapper().readTree(json.startsWith("\uFEFF") ? json.substring(1) : json);
            if (node instanceof ObjectNode o) {
                for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                    keys.add(it.next().getKey());
                }
            }
        } catch (Exception notJson) {
            // no keys to name
        }
        return keys;
    }
}
