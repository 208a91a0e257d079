package dev.hangar.testing;

import java.nio.file.Path;

/**
 * The AMIs moto serves besides its own defaults (from {@code amis.json} next to this class), all
 * public, {@code available}, with realistic names, owners, devices and creation dates. moto reports
 * every loaded AMI with ImageOwnerAlias "amazon" (even Canonical's), so {@code Owners=["amazon"]}
 * matches all of them; filter by owner ID to be exact.
 */
public final class Fixtures {

    /** The owner ID of the AWS Deep Learning AMIs. */
    public static final String DLAMI_OWNER = "898082745236";
    public static final String CANONICAL_OWNER = "099720109477";
    public static final String AMAZON_LINUX_OWNER = "137112412989";

    /** Deep Learning OSS Nvidia Driver AMI GPU PyTorch 2.5.1 (Ubuntu 22.04) 20250105; x86_64, created 2025-01-06. */
    public static final String PYTORCH_UBUNTU_AMI = "ami-01643088d5167bd76";
    /** Deep Learning Base OSS Nvidia Driver GPU AMI (Ubuntu 22.04) 20241201; x86_64, created 2024-12-02. */
    public static final String BASE_UBUNTU_AMI = "ami-0f73cd280cc12feb0";
    /** Deep Learning OSS Nvidia Driver AMI GPU PyTorch 2.4.1 (Amazon Linux 2023) 20240901; x86_64, root /dev/xvda. */
    public static final String PYTORCH_AL2023_AMI = "ami-0bd53651a85c8a419";
    /** Deep Learning ARM64 OSS Nvidia Driver AMI GPU PyTorch 2.5.1 (Ubuntu 22.04) 20250105; arm64, for g5g. */
    public static final String PYTORCH_ARM64_AMI = "ami-05029326be85c6c82";
    /** Deep Learning AMI GPU PyTorch 2.0.1 (Ubuntu 20.04) 20230620; created 2023-06-21: an outdated AMI. */
    public static final String OLD_PYTORCH_AMI = "ami-06921dfd02be8ad1a";
    /** ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20250112 (Canonical); not a GPU image. */
    public static final String UBUNTU_AMI = "ami-00ede0dc740b26c49";
    /** al2023-ami-2023.6.20250107.0-kernel-6.1-x86_64 (Amazon); not a GPU image. */
    public static final String AMAZON_LINUX_AMI = "ami-0083f067b0a10da33";

    private Fixtures() {}

    /** The AMI fixture file, copied out of the class path so that moto can open it. */
    static Path amisFile() {
        return MotoServer.copyResourceToTempFile("amis.json", ".json");
    }

    /**
     * A run whose code is a small local folder (a script, a .gitignore and what it leaves out), made once per test JVM:
     * for the launches that exercise every step, the code upload and the log group included.
     */
    public static dev.hangar.spec.RunSpec run() {
        return new dev.hangar.spec.RunSpec(RunCode.FOLDER.toString(), "pip install -r requirements.txt", "python train.py",
                java.util.Map.of("EPOCHS", "3"), true);
    }

    private static final class RunCode {
        static final java.nio.file.Path FOLDER = make();

        private static java.nio.file.Path make() {
            try {
                java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("hangar-run-code");
                java.nio.file.Files.writeString(dir.resolve("train.py"), "print('training')\n");
                java.nio.file.Files.writeString(dir.resolve(".gitignore"), "*.ckpt\n");
                java.nio.file.Files.writeString(dir.resolve("epoch-1.ckpt"), "left out");
                return dir;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
