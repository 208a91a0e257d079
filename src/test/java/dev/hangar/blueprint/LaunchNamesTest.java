package dev.hangar.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LaunchNamesTest {

    /** The longest launch ID a spec allows (40-character name and 6 hex), in the longest zone names AWS has. */
    private static final LaunchNames LONGEST = new LaunchNames("a".repeat(40) + "-abcdef");

    @ParameterizedTest
    @ValueSource(strings = {"us-east-1a", "ap-southeast-2a", "ap-northeast-1-wl1-nrt-wlz-1", "us-west-2-lax-1a"})
    void clientTokensFitEc2sSixtyFourCharacters(String zone) {
        assertThat(LONGEST.instanceClientToken(zone)).hasSizeLessThanOrEqualTo(64).matches("[\\x21-\\x7e]+");
        assertThat(LONGEST.volumeClientToken(zone)).hasSizeLessThanOrEqualTo(64).matches("[\\x21-\\x7e]+");
    }

    @ParameterizedTest
    @ValueSource(strings = {"us-east-1a", "ap-northeast-1-wl1-nrt-wlz-1"})
    void clientTokensStayTheSameForARetryAndDifferPerZoneAndResource(String zone) {
        assertThat(LONGEST.volumeClientToken(zone)).isEqualTo(new LaunchNames(LONGEST.launchId()).volumeClientToken(zone));
        assertThat(LONGEST.volumeClientToken(zone)).isNotEqualTo(LONGEST.volumeClientToken("us-east-1b"));
        assertThat(LONGEST.volumeClientToken(zone)).isNotEqualTo(LONGEST.instanceClientToken(zone));
    }
}
