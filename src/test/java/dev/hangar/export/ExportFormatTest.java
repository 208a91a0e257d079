package dev.hangar.export;

import dev.hangar.blueprint.Blueprint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExportFormatTest {

    @Test
    void wireNamesAreTheCliValues() {
        assertThat(Arrays.stream(ExportFormat.values()).map(ExportFormat::wireName))
                .containsExactly("terraform", "pulumi", "cloudformation", "parallelcluster", "evidence-json", "evidence-html");
        assertThat(ExportFormat.fromWire("evidence-html")).isEqualTo(ExportFormat.EVIDENCE_HTML);
    }

    @Test
    void anUnknownFormatNamesTheKnownOnes() {
        assertThatIllegalArgumentException().isThrownBy(() -> ExportFormat.fromWire("ansible"))
                .withMessageContaining("terraform, pulumi, cloudformation, parallelcluster, evidence-json, evidence-html");
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void eachFormatHasItsExporterWhoseTextEndsInANewlineAndIsStable(ExportFormat format) {
        Exporter exporter = Exporters.of(format);
        ExportInput in = ExportInput.of(Blueprint.of(format == ExportFormat.PARALLELCLUSTER ? Fixtures.cluster() : Fixtures.ssm()));

        assertThat(exporter.format()).isEqualTo(format);
        String text = exporter.export(in);
        assertThat(text).endsWith("\n");
        if (!format.wireName().startsWith("evidence")) {
            assertThat(exporter.export(in)).isEqualTo(text);
        }
    }
}
