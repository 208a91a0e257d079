package dev.hangar.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/** The WCAG formula against pairs whose ratio is published. */
class ContrastRatioTest {

    @Test
    void blackOnWhiteIs21ToOne() {
        assertThat(ContrastRatio.of(Color.BLACK, Color.WHITE)).isCloseTo(21.0, within(1e-9));
        assertThat(ContrastRatio.of(Color.WHITE, Color.BLACK)).as("order does not matter").isCloseTo(21.0, within(1e-9));
    }

    @Test
    void theSameColourIsOneToOne() {
        assertThat(ContrastRatio.of(Color.web("#2f6fed"), Color.web("#2f6fed"))).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void grey777OnWhiteJustMissesAa() {
        assertThat(ContrastRatio.of(Color.web("#777777"), Color.WHITE)).isCloseTo(4.48, within(0.01)).isLessThan(ContrastRatio.AA);
        assertThat(ContrastRatio.of(Color.web("#767676"), Color.WHITE)).as("the lightest grey that passes").isCloseTo(4.54, within(0.01))
                .isGreaterThan(ContrastRatio.AA);
    }

    @Test
    void pureColoursOnWhite() {
        assertThat(ContrastRatio.of(Color.web("#ff0000"), Color.WHITE)).isCloseTo(4.0, within(0.01));
        assertThat(ContrastRatio.of(Color.web("#0000ff"), Color.WHITE)).isCloseTo(8.59, within(0.01));
    }

    @Test
    void halfTransparentBlackOverWhiteIsMidGrey() {
        Color blended = ContrastRatio.over(new Color(0, 0, 0, 0.5), Color.WHITE);
        assertThat(blended.getOpacity()).isEqualTo(1.0);
        assertThat(blended.getRed()).isCloseTo(0.5, within(1e-6)); // Color keeps floats
        assertThat(ContrastRatio.mix(Color.BLACK, Color.WHITE, 0.4).getRed()).as("a node at 40% opacity").isCloseTo(0.6, within(1e-6));
    }
}
