package dev.hangar.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MotoPythonTest {

    @Test
    void missingPythonIsReportedClearly() {
        String before = System.getProperty("hangar.moto.python");
        System.setProperty("hangar.moto.python", "/nonexistent/python3-for-hangar");
        try {
            assertThatThrownBy(MotoPython::locate)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("python3 is required for the moto-backed tests: install python3");
        } finally {
            if (before == null) {
                System.clearProperty("hangar.moto.python");
            } else {
                System.setProperty("hangar.moto.python", before);
            }
        }
    }
}
