package dev.hangar.app;

import dev.hangar.blueprint.Redaction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * Standard error as Hangar hands it to the logging library: every line passes {@link Redaction} before it
 * is written. With logging at DEBUG the AWS SDK prints the exceptions of failed attempts, and AWS's text
 * for a signature error quotes the signed request, session token included; this keeps it out of a log a
 * researcher may paste into a bug report, whatever logger prints it.
 */
final class RedactingOutputStream extends OutputStream {

    private final OutputStream target;
    private final Charset charset;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    RedactingOutputStream(OutputStream target, Charset charset) {
        this.target = target;
        this.charset = charset;
    }

    /** A print stream like {@code System.err} whose lines are redacted. */
    static PrintStream around(PrintStream err) {
        String name = System.getProperty("sun.stderr.encoding");
        Charset charset = name != null && Charset.isSupported(name) ? Charset.forName(name) : Charset.defaultCharset();
        return new PrintStream(new RedactingOutputStream(err, charset), true, charset);
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n') {
            emit();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                line.write(b, start, i + 1 - start);
                emit();
                start = i + 1;
            }
        }
        line.write(b, start, off + len - start);
    }

    @Override
    public synchronized void flush() throws IOException {
        emit();
        target.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        flush();
        target.close();
    }

    private void emit() throws IOException {
        if (line.size() == 0) {
            return;
        }
        target.write(Redaction.redact(line.toString(charset)).getBytes(charset));
        line.reset();
    }
}
