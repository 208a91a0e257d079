package dev.hangar.provision;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Packs a {@link CodeFolder}'s contents as {@code tar.gz}: paths relative to the folder (no leading folder, so
 * {@code tar -xzf code.tar.gz -C DIR} puts {@code train.py} at {@code DIR/train.py}), folders 0755, files 0644 or 0755
 * when executable, symbolic links kept as links, owner 0 with no names (whoever unpacks owns the files).
 */
final class CodeArchive {

    private CodeArchive() {
    }

    /** Writes the archive of {@code contents} to {@code file}; the number of bytes written. */
    static long write(CodeFolder.Contents contents, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            pack(contents, out);
        }
        return Files.size(file);
    }

    static void pack(CodeFolder.Contents contents, OutputStream out) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            tar.setAddPaxHeadersForNonAsciiNames(true);
            for (CodeFolder.Entry e : contents.entries()) {
                switch (e.kind()) {
                    case FOLDER -> {
                        TarArchiveEntry entry = new TarArchiveEntry(e.path() + "/");
                        entry.setMode(TarArchiveEntry.DEFAULT_DIR_MODE);
                        add(tar, entry, e.file(), null);
                    }
                    case LINK -> {
                        TarArchiveEntry entry = new TarArchiveEntry(e.path(), TarArchiveEntry.LF_SYMLINK);
                        entry.setLinkName(Files.readSymbolicLink(e.file()).toString());
                        add(tar, entry, e.file(), null);
                    }
                    case FILE -> {
                        TarArchiveEntry entry = new TarArchiveEntry(e.path());
                        entry.setMode(Files.isExecutable(e.file()) ? 0100755 : 0100644);
                        entry.setSize(e.size());
                        add(tar, entry, e.file(), e);
                    }
                }
            }
            tar.finish();
        }
    }

    private static void add(TarArchiveOutputStream tar, TarArchiveEntry entry, Path file, CodeFolder.Entry content) throws IOException {
        entry.setUserId(0);
        entry.setGroupId(0);
        entry.setModTime(Files.getLastModifiedTime(file, java.nio.file.LinkOption.NOFOLLOW_LINKS));
        tar.putArchiveEntry(entry);
        if (content != null) {
            try (InputStream in = Files.newInputStream(file)) {
                long copied = in.transferTo(new BoundedOutput(tar, content.size()));
                if (copied != content.size()) {
                    throw new IOException(file + " changed while it was packed (" + copied + " bytes, " + content.size() + " expected)");
                }
            }
        }
        tar.closeArchiveEntry();
    }

    /** Passes at most the size the tar header promised: a file that grew while packing fails clearly instead. */
    private static final class BoundedOutput extends OutputStream {
        private final OutputStream target;
        private long left;

        BoundedOutput(OutputStream target, long limit) {
            this.target = target;
            this.left = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > left) {
                throw new IOException("a file grew while it was packed; pack again");
            }
            target.write(b, off, len);
            left -= len;
        }
    }
}
