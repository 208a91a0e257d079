package dev.hangar.provision.steps;

import dev.hangar.journal.ResourceKind;
import dev.hangar.provision.LaunchContext;
import dev.hangar.blueprint.LaunchTags;
import dev.hangar.blueprint.StepFailedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.CreateKeyPairResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.KeyType;

/**
 * Creates the SSH key pair and saves its private key to {@code <home>/keys/<name>.pem} with mode
 * 0600. The private key is never logged or journaled.
 */
final class KeyPairStep extends BaseStep {

    KeyPairStep(String keyName, List<String> after) {
        super(StepIds.CREATE_KEY_PAIR, "Create key pair " + keyName, after);
    }

    static Path keyFile(Path home, String keyName) {
        return home.resolve("keys").resolve(keyName + ".pem");
    }

    @Override
    public String apply(LaunchContext ctx) throws Exception {
        String name = ctx.spec().keyPair();
        Path file = keyFile(ctx.home(), name);
        if (!file.normalize().getParent().equals(ctx.home().resolve("keys").normalize())) {
            throw new StepFailedException("keyPair: " + name + " would put the private key outside " + ctx.home().resolve("keys"));
        }
        if (Files.exists(file)) {
            if (!writtenByThisLaunch(ctx, file)) {
                throw new StepFailedException("keyPair: " + file + " already exists; Hangar will not overwrite a private key");
            }
            // This launch wrote it before it was interrupted; the key pair is made anew below, so is its file.
            Files.delete(file);
        }
        ctx.journal().intend(ResourceKind.KEY_PAIR, name, id());
        CreateKeyPairResponse created;
        try {
            created = createKeyPair(ctx, name);
        } catch (Ec2Exception e) {
            if (!"InvalidKeyPair.Duplicate".equals(e.awsErrorDetails().errorCode())) {
                throw e;
            }
            // Ours from a retried call whose answer was lost: its private key is gone, so make it again.
            if (!isOurs(ctx, name)) {
                ctx.journal().deleted(ResourceKind.KEY_PAIR, name);
                throw new StepFailedException("keyPair: a key pair named " + name + " already exists in " + ctx.spec().region()
                        + "; choose another name or use the existing one (createKeyPair false)");
            }
            ctx.ec2().deleteKeyPair(r -> r.keyName(name));
            created = createKeyPair(ctx, name);
        }
        ctx.journal().created(ResourceKind.KEY_PAIR, name, id());
        ctx.journal().intend(ResourceKind.KEY_FILE, file.toString(), id());
        writePrivateKey(file, created.keyMaterial());
        ctx.journal().created(ResourceKind.KEY_FILE, file.toString(), id());
        return "private key saved to " + file;
    }

    private static boolean writtenByThisLaunch(LaunchContext ctx, Path file) {
        return ctx.journal().snapshot().resources().stream()
                .anyMatch(r -> r.type().equals(ResourceKind.KEY_FILE) && r.id().equals(file.toString()) && r.mayExist());
    }

    private static CreateKeyPairResponse createKeyPair(LaunchContext ctx, String name) {
        return ctx.ec2().createKeyPair(r -> r.keyName(name).keyType(KeyType.ED25519)
                .tagSpecifications(ctx.tags().ec2For(software.amazon.awssdk.services.ec2.model.ResourceType.KEY_PAIR)));
    }

    private static boolean isOurs(LaunchContext ctx, String name) {
        return ctx.ec2().describeKeyPairs(r -> r.keyNames(name)).keyPairs().stream()
                .flatMap(k -> k.tags().stream())
                .anyMatch(t -> t.key().equals(LaunchTags.LAUNCH_ID) && t.value().equals(ctx.names().launchId()));
    }

    /** The keys folder is 0700: others may not even list which keys exist (an older Hangar made it 0755: tightened). */
    private static void ownersOnlyFolder(Path keys) throws IOException {
        Files.createDirectories(keys.getParent());
        try {
            if (!Files.isDirectory(keys)) {
                Files.createDirectory(keys, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(keys); // not POSIX (Windows): the user profile's ACLs protect it
        } catch (FileAlreadyExistsException e) {
            // made at the same moment by a parallel launch: the next line of the other launch sets its mode
            Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** Created with mode 0600 from the start, so the key is never readable by others, not even briefly. */
    private static void writePrivateKey(Path file, String material) throws IOException {
        ownersOnlyFolder(file.getParent());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not POSIX (Windows): the user profile's ACLs protect it
        } catch (FileAlreadyExistsException e) {
            throw new IOException("private key file " + file + " appeared while launching; not overwritten");
        }
        Files.writeString(file, material.endsWith("\n") ? material : material + "\n", StandardCharsets.US_ASCII);
    }
}
