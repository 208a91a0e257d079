package dev.hangar.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hangar.blueprint.IamPolicies;
import dev.hangar.provision.Launcher;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Thousands of mutated spec documents (see {@link SpecMutations}). Each must either be a valid spec, which
 * the validator accepts and from which a plan and the IAM policy can be made, or fail with one
 * {@link InvalidSpecException} whose every problem names a field: a spec field, {@code tags} or
 * {@code tags.<key>}, {@code (json)} for the document, or the unknown field as the document spells it.
 * Nothing else may be thrown. That none reaches AWS is shown by {@code InvalidSpecsCallNothingTest}.
 */
class SpecFuzzTest {

    static final int MUTATED = 5000;
    static final int RANDOM_TEXT = 1000;
    static final int RANDOM_BYTES = 1000;

    private static final AtomicInteger CASES = new AtomicInteger();
    private static final AtomicInteger VALID = new AtomicInteger();

    @Provide
    Arbitrary<SpecMutations.Case> mutated() {
        return SpecMutations.cases();
    }

    @Property(tries = MUTATED)
    void everyMutatedSpecIsValidOrNamesItsFields(@ForAll("mutated") SpecMutations.Case c) {
        check(c.json());
    }

    @Property(tries = RANDOM_TEXT)
    void anyTextIsValidOrNamesItsFields(@ForAll("text") String text) {
        check(text);
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.strings().withChars("{}[]\":,0123456789.-+eEtrufalsn \\u\n").ofMaxLength(200));
    }

    @Property(tries = RANDOM_BYTES)
    void anyBytesAreValidOrNameTheirFields(@ForAll("bytes") byte[] bytes) {
        CASES.incrementAndGet();
        try {
            LaunchSpecJson.read(bytes);
            VALID.incrementAndGet();
        } catch (InvalidSpecException e) {
            assertNamesFields(e, new String(bytes, StandardCharsets.UTF_8));
        }
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
                // a valid document in another encoding, or with bytes that are not UTF-8 spliced in
                Arbitraries.of(SpecMutations.bases()).flatMap(base -> Arbitraries.of(
                        base.getBytes(StandardCharsets.UTF_16BE), base.getBytes(StandardCharsets.UTF_16LE),
                        base.getBytes(java.nio.charset.Charset.forName("UTF-32BE")),
                        splice(base.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, (byte) 0x28}),
                        splice(base.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF, (byte) 0xFE, 0}))));
    }

    private static byte[] splice(byte[] doc, byte[] inserted) {
        int at = doc.length / 3;
        byte[] out = new byte[doc.length + inserted.length];
        System.arraycopy(doc, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(doc, at, out, at + inserted.length, doc.length - at);
        return out;
    }

    static void check(String json) {
        CASES.incrementAndGet();
        LaunchSpec spec;
        try {
            spec = LaunchSpecJson.read(json);
        } catch (InvalidSpecException e) {
            assertNamesFields(e, json);
            return;
        }
        VALID.incrementAndGet();
        // A spec that passes must be one the engine can act on without surprise.
        assertThat(new SpecValidator().validate(spec)).isEmpty();
        assertThat(Launcher.plan(spec).steps()).isNotEmpty();
        assertThat(IamPolicies.dataAccessPolicy(spec)).contains(spec.dataBucket());
        assertThat(LaunchSpecJson.read(LaunchSpecJson.write(spec))).as("a valid spec survives writing and reading").isEqualTo(spec);
        if (spec.createKeyPair()) {
            // The README's contract: the private key goes to $HANGAR_HOME/keys/<keyPair>.pem, and nowhere else.
            java.nio.file.Path keys = java.nio.file.Path.of("/home/researcher/.hangar/keys");
            java.nio.file.Path file = keys.resolve(spec.keyPair() + ".pem").normalize();
            assertThat(file.getParent()).as("key file of keyPair %s", Show.quote(spec.keyPair())).isEqualTo(keys);
        }
    }

    static void assertNamesFields(InvalidSpecException e, String json) {
        assertThat(e.problems()).as("problems of %s", e.getMessage()).isNotEmpty();
        List<String> keys = SpecMutations.topLevelKeys(json);
        for (SpecProblem p : e.problems()) {
            assertThat(p.message()).as("message for %s", p.field()).isNotBlank();
            String f = p.field();
            boolean named = LaunchSpecJson.FIELDS.contains(f) || f.equals(SpecProblem.DOCUMENT) || f.equals("tags")
                    || (f.contains(".") && LaunchSpecJson.FIELDS.contains(f.substring(0, f.indexOf('.'))))
                    || keys.contains(f)
                    // an unknown field whose name is not plain ASCII is shown quoted and escaped
                    || (f.startsWith("\"") && keys.stream().anyMatch(k -> !LaunchSpecJson.FIELDS.contains(k)));
            assertThat(named).as("problem %s names a field of %s", p, json.length() > 300 ? json.substring(0, 300) + "…" : json).isTrue();
        }
    }

    @AfterContainer
    static void report() {
        System.out.printf("[spec-fuzz] %d documents: %d valid, %d refused with every problem naming its field, none threw anything else%n",
                CASES.get(), VALID.get(), CASES.get() - VALID.get());
    }
}
