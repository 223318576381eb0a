package dev.drydock.trainer.tuning;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The search's checkpoint: every finished cross-validation fit's curve, kept in a folder (the container's
 * {@code /opt/ml/checkpoints}) so that a job restarted with the same checkpoints (a spot interruption, a stop, a
 * crash) skips the fits it already made and ends with the same result as an uninterrupted run.
 *
 * <p>A fit is identified by the data it saw (a digest of the features, labels and fold assignment), its XGBoost
 * parameters, its round budget and its early-stopping patience: boosting is deterministic for those, so a stored
 * curve is exactly what the fit would compute again. A fit cut short by a stop is never stored. Each curve is one
 * small file written beside its final name and renamed, so a kill mid-write leaves no half file that a resumed run
 * would trust; the values are stored as their exact bits.
 */
public final class FitCache {
    private static final FitCache NONE = new FitCache(null, "");
    private static final String PREFIX = "cv-fit-";

    private final Path folder;
    private final String dataDigest;
    private final AtomicInteger reused = new AtomicInteger();
    private final AtomicInteger stored = new AtomicInteger();

    private FitCache(Path folder, String dataDigest) {
        this.folder = folder;
        this.dataDigest = dataDigest;
    }

    /** A cache that keeps nothing. */
    public static FitCache none() {
        return NONE;
    }

    /**
     * A cache in {@code folder} for fits of {@code data} split by {@code folds}.
     *
     * @param folder the checkpoint folder; made when the first curve is stored
     */
    static FitCache in(Path folder, CvData data, Folds folds) {
        MessageDigest sha = sha256();
        ByteBuffer buffer = ByteBuffer.allocate(4);
        buffer.putInt(folds.count());
        sha.update(buffer.array());
        // Each fold is encoded on its own, so the digest covers every fold's training and validation part.
        for (int k = 0; k < folds.count(); k++) {
            for (Dataset part : List.of(data.training().get(k), data.validation().get(k))) {
                sha.update(intBytes(part.columns()));
                for (float f : part.features()) {
                    sha.update(intBytes(Float.floatToIntBits(f)));
                }
                for (float f : part.labels()) {
                    sha.update(intBytes(Float.floatToIntBits(f)));
                }
                if (part.weights() != null) {
                    for (float f : part.weights()) {
                        sha.update(intBytes(Float.floatToIntBits(f)));
                    }
                }
            }
            for (int row : folds.validation(k)) {
                sha.update(intBytes(row));
            }
        }
        return new FitCache(folder, HexFormat.of().formatHex(sha.digest()));
    }

    /** Whether this cache keeps curves. */
    public boolean enabled() {
        return folder != null;
    }

    /** The curve of this fit, when an earlier run of the same search stored it. */
    Optional<CvCurve> get(Map<String, Object> params, int maxRounds, int patience) {
        if (folder == null) {
            return Optional.empty();
        }
        Path file = file(params, maxRounds, patience);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            double[] values = new double[lines.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = Double.longBitsToDouble(Long.parseUnsignedLong(lines.get(i), 16));
            }
            reused.incrementAndGet();
            return Optional.of(new CvCurve(values));
        } catch (IOException | RuntimeException e) {
            // An unreadable entry is refitted (and rewritten): a checkpoint only ever saves time.
            return Optional.empty();
        }
    }

    /** Stores a finished fit's curve; a failure to store (a full disk) costs only the time to refit it later. */
    void put(Map<String, Object> params, int maxRounds, int patience, CvCurve curve) {
        if (folder == null) {
            return;
        }
        Path file = file(params, maxRounds, patience);
        StringBuilder text = new StringBuilder(curve.length() * 17);
        for (int r = 1; r <= curve.length(); r++) {
            text.append(Long.toHexString(Double.doubleToRawLongBits(curve.at(r)))).append('\n');
        }
        Path temp = null;
        try {
            Files.createDirectories(folder);
            temp = Files.createTempFile(folder, PREFIX, ".part");
            Files.writeString(temp, text, StandardCharsets.US_ASCII);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            stored.incrementAndGet();
        } catch (IOException e) {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // nothing more to do: the fit is simply not checkpointed
                }
            }
        }
    }

    /** How many fits were taken from the checkpoint instead of being made. */
    public int reused() {
        return reused.get();
    }

    /** How many fits were stored. */
    public int stored() {
        return stored.get();
    }

    private Path file(Map<String, Object> params, int maxRounds, int patience) {
        MessageDigest sha = sha256();
        String key = dataDigest + "|" + new TreeMap<>(params) + "|rounds=" + maxRounds + "|patience=" + patience;
        return folder.resolve(PREFIX + HexFormat.of().formatHex(sha.digest(key.getBytes(StandardCharsets.UTF_8))) + ".txt");
    }

    private static byte[] intBytes(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /** The files of a cache folder, for tests and reports. */
    static List<Path> files(Path folder) throws IOException {
        List<Path> out = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (var s = Files.list(folder)) {
                s.filter(p -> p.getFileName().toString().startsWith(PREFIX) && p.toString().endsWith(".txt")).sorted()
                        .forEach(out::add);
            }
        }
        return out;
    }
}
