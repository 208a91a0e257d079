package dev.hangar.spec;

import static dev.hangar.spec.SpecFixtures.validBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchSpecTest {

    @Test
    void tagsKeepInsertionOrderAndCannotBeChanged() {
        Map<String, String> source = new LinkedHashMap<>();
        source.put("z", "1");
        source.put("a", "2");
        LaunchSpec spec = validBuilder().tags(source).build();
        source.put("later", "3");

        assertThat(spec.tags().keySet()).containsExactly("z", "a");
        assertThatThrownBy(() -> spec.tags().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toBuilderCopiesEveryFieldAndChangesOnlyWhatIsSet() {
        LaunchSpec spec = LaunchSpecJson.read(SpecFixtures.designExample());

        assertThat(spec.toBuilder().build()).isEqualTo(spec);
        LaunchSpec changed = spec.toBuilder().access(Access.SSH).sshCidr("203.0.113.7/32").tag("stage", "dev").build();
        assertThat(changed.access()).isEqualTo(Access.SSH);
        assertThat(changed.tags()).containsExactly(Map.entry("project", "nlp"), Map.entry("stage", "dev"));
        assertThat(spec.tags()).containsOnlyKeys("project");
        assertThat(changed.toBuilder().access(Access.SSM).sshCidr(null).tags(spec.tags()).build()).isEqualTo(spec);
    }

    @Test
    void nullDataPrefixAndTagsBecomeEmpty() {
        LaunchSpec spec = validBuilder().dataPrefix(null).tags(null).build();

        assertThat(spec.dataPrefix()).isEmpty();
        assertThat(spec.tags()).isEmpty();
    }

    @Test
    void enumsMapToAndFromTheirWireNames() {
        assertThat(BucketAccess.fromWire("read-write")).isEqualTo(BucketAccess.READ_WRITE);
        assertThat(Tenancy.fromWire("dedicated")).isEqualTo(Tenancy.DEDICATED);
        assertThat(Access.fromWire("ssh")).isEqualTo(Access.SSH);
        assertThat(Market.fromWire("on-demand")).isEqualTo(Market.ON_DEMAND);
        assertThat(Egress.fromWire("https-only")).isEqualTo(Egress.HTTPS_ONLY);
        for (List<? extends WireEnum> values : List.of(List.of(BucketAccess.values()), List.of(Tenancy.values()),
                List.of(Access.values()), List.of(Market.values()), List.of(Egress.values()))) {
            values.forEach(v -> assertThat(v.toString()).isEqualTo(v.wireName()).matches("[a-z-]+"));
        }
        assertThat(WireEnum.lookup(Market.class, "ON_DEMAND")).isEmpty();
        assertThatThrownBy(() -> Egress.fromWire("none")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"none\" is not one of web, https-only, all");
    }

    @Test
    void plainJacksonAlsoUsesWireNames() throws Exception {
        String json = new ObjectMapper().writeValueAsString(validBuilder().market(Market.SPOT).build());

        assertThat(json).contains("\"market\":\"spot\"", "\"bucketAccess\":\"read-only\"", "\"egress\":\"web\"");
    }

    @Test
    void aProblemPrintsAsFieldColonMessage() {
        assertThat(new SpecProblem("tags.project", "must be a string")).hasToString("tags.project: must be a string");
    }
}
