package io.flightdeck.harness.files;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file this program carries inside its jar (async-profiler's agent, the child runtime) put on disk once, in a
 * cache folder whose name the caller derives from its SHA-256, so another version never picks up a stale copy. A
 * copy whose bytes do not hash as they should (a partial write, a corrupted file) is replaced, and a copy is written
 * beside its place and moved in atomically, so two runs at once never use a half-written file.
 */
public final class CachedFile {

    private CachedFile() {
    }

    /** {@code dir/fileName} holding exactly {@code content}, written now unless a sound copy is there already. */
    public static Path install(byte[] content, Path dir, String fileName) throws IOException {
        String sha = sha256(content);
        Path target = dir.resolve(fileName);
        if (Files.isRegularFile(target) && sha.equals(sha256(Files.readAllBytes(target)))) {
            return target;
        }
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, fileName, ".part");
        try {
            Files.write(temp, content);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }

    /** Lower-case hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
