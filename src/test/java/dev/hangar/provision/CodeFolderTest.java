package dev.hangar.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hangar.spec.InvalidSpecException;
import dev.hangar.spec.LaunchSpec;
import dev.hangar.spec.RunSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What of a run's code folder is packed (git's ignore rules, never .git), its limit, and the archive's layout. */
class CodeFolderTest {

    @TempDir Path dir;

    private Path write(String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private List<String> packed() throws Exception {
        return CodeFolder.contents(dir, CodeFolder.MAX_BYTES).entries().stream().map(CodeFolder.Entry::path).toList();
    }

    @Test
    void gitIgnoreRulesDecideWhatIsPackedAsGitWould() throws Exception {
        write(".gitignore", "*.pt\n!keep.pt\ndata/\n/build\n# a comment\n");
        write("train.py", "print('hi')\n");
        write("model.pt", "weights");
        write("keep.pt", "small");
        write("data/shard-0.bin", "x");
        write("src/build/out.txt", "only the root build is ignored");
        write("build/out.txt", "ignored");
        write("src/.gitignore", "*.log\n");
        write("src/a.log", "log");
        write("a.log", "not ignored at the root");
        write("src/sub/b.log", "ignored by src/.gitignore below it");
        write("src/model.py", "x = 1\n");
        write(".git/HEAD", "ref: refs/heads/main\n");
        write("vendor/.git", "gitdir: ../.git/modules/vendor\n"); // a submodule's .git file
        write("vendor/lib.py", "");

        assertThat(packed()).containsExactly(".gitignore", "a.log", "keep.pt", "src", "src/.gitignore", "src/build",
                "src/build/out.txt", "src/model.py", "src/sub", "train.py", "vendor", "vendor/lib.py");
    }

    @Test
    void anIgnoredFolderIsNotEvenEntered() throws Exception {
        write(".gitignore", "node_modules/\n");
        Path locked = Files.createDirectories(dir.resolve("node_modules/locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        write("main.py", "");
        try {
            assertThat(packed()).containsExactly(".gitignore", "main.py");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void theArchiveHoldsPathsRelativeToTheFolderWithModesAndLinks() throws Exception {
        write("train.py", "print('hi')\n");
        Path run = write("scripts/run.sh", "#!/bin/sh\necho run\n");
        Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-x---"));
        Files.createSymbolicLink(dir.resolve("latest.py"), Path.of("train.py"));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CodeArchive.pack(CodeFolder.contents(dir, CodeFolder.MAX_BYTES), out);

        Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(new ByteArrayInputStream(out.toByteArray())))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                entries.put(e.getName(), e);
                texts.put(e.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(entries.keySet()).containsExactly("latest.py", "scripts/", "scripts/run.sh", "train.py");
        assertThat(entries.get("latest.py").isSymbolicLink()).isTrue();
        assertThat(entries.get("latest.py").getLinkName()).isEqualTo("train.py");
        assertThat(entries.get("scripts/run.sh").getMode() & 0777).isEqualTo(0755);
        assertThat(entries.get("train.py").getMode() & 0777).isEqualTo(0644);
        assertThat(entries.get("train.py").getLongUserId()).isZero();
        assertThat(texts.get("scripts/run.sh")).isEqualTo("#!/bin/sh\necho run\n");
    }

    @Test
    void aFolderOverTheLimitIsNamedWithWhereItWasReached() throws Exception {
        write("train.py", "");
        try (RandomAccessFile sparse = new RandomAccessFile(dir.resolve("weights.bin").toFile(), "rw")) {
            sparse.setLength(CodeFolder.MAX_BYTES + 1); // sparse: no disk used, only its size is read
        }
        assertThatThrownBy(() -> CodeFolder.check(spec(dir.toString())))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("run.code: folder " + dir + " holds more than 1.0 GiB")
                .hasMessageContaining("weights.bin").hasMessageContaining(".gitignore");

        write(".gitignore", "*.bin\n");
        CodeFolder.check(spec(dir.toString())); // left out by .gitignore: fine
    }

    @Test
    void aMissingFolderOrAFileIsAnInvalidRunCode() throws Exception {
        assertThatThrownBy(() -> CodeFolder.check(spec(dir.resolve("nope").toString())))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("run.code: folder " + dir.resolve("nope") + " does not exist");
        Path file = write("train.py", "");
        assertThatThrownBy(() -> CodeFolder.check(spec(file.toString())))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("run.code: " + file + " is not a folder");
    }

    @Test
    void codeInS3OrNoRunIsNotChecked() {
        CodeFolder.check(spec("s3://code-bucket/project/"));
        CodeFolder.check(EngineFixture.spec().build());
    }

    @Test
    void aRelativeFolderIsTakenFromTheGivenBase() {
        LaunchSpec resolved = CodeFolder.resolve(spec("./project/../code"), dir);
        assertThat(resolved.run().code()).isEqualTo(dir.resolve("code").toString());
        assertThat(resolved.run().command()).isEqualTo("python train.py");
        assertThat(CodeFolder.resolve(spec("/abs/code"), dir).run().code()).isEqualTo("/abs/code");
        assertThat(CodeFolder.resolve(spec("s3://b/p/"), dir).run().code()).isEqualTo("s3://b/p/");
    }

    static LaunchSpec spec(String code) {
        return EngineFixture.spec().run(new RunSpec(code, "pip install -r requirements.txt", "python train.py", Map.of("EPOCHS", "3"), true)).build();
    }
}
