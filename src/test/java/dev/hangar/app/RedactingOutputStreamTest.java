package dev.hangar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RedactingOutputStreamTest {

    @Test
    void aTokenIsMaskedEvenWhenItsLineArrivesInPieces() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        RedactingOutputStream out = new RedactingOutputStream(sink, StandardCharsets.UTF_8);
        byte[] line = "x-amz-security-token:FwoGZXIvYXdzEXAMPLE\nnext line ✓\n".getBytes(StandardCharsets.UTF_8);
        out.write(line, 0, 10);
        out.write(line, 10, 9);
        for (int i = 19; i < line.length; i++) {
            out.write(line[i]);
        }
        out.flush();
        assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("x-amz-security-token:<redacted>\nnext line ✓\n");
    }

    @Test
    void printStreamLinesPassThroughTheFilter() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(new RedactingOutputStream(sink, StandardCharsets.UTF_8), true, StandardCharsets.UTF_8);
        err.println("[main] DEBUG x - aws_session_token = IQoJb3JpZ2luX2VjEXAMPLE key AKIAIOSFODNN7EXAMPLE");
        err.print("no newline yet");
        err.flush();
        assertThat(sink.toString(StandardCharsets.UTF_8))
                .isEqualTo("[main] DEBUG x - aws_session_token = <redacted> key <access key id>\nno newline yet");
    }
}
