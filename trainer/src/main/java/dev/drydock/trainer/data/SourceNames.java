package dev.drydock.trainer.data;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The names a user gave their input files, for messages: a backend stages the user's {@code /home/me/train.csv} as
 * {@code /opt/ml/input/data/training/train.csv}, and an error about the staged copy should name the user's file. The
 * trainer learns the user's paths from the hyperparameter {@code input_sources} ({@code CHANNEL=PATH,...}), which a
 * client that uploaded local files may set; without it the staged path is the name.
 */
public final class SourceNames {
    /** No user paths known: files are named by their staged path. */
    public static final SourceNames NONE = new SourceNames(null, Map.of());

    private final Path dataDir;
    private final Map<String, String> byChannel;

    private SourceNames(Path dataDir, Map<String, String> byChannel) {
        this.dataDir = dataDir;
        this.byChannel = new TreeMap<>(byChannel);
    }

    /**
     * @param dataDir the folder of the channels ({@code input/data})
     * @param byChannel channel name to the local file or folder its user uploaded
     * @return the names
     */
    public static SourceNames of(Path dataDir, Map<String, String> byChannel) {
        return new SourceNames(dataDir.toAbsolutePath().normalize(), byChannel);
    }

    /**
     * @param staged a staged input file under the data folder
     * @return the user's path of that file when known, else the staged path
     */
    public String nameOf(Path staged) {
        if (dataDir == null) {
            return staged.toString();
        }
        Path file = staged.toAbsolutePath().normalize();
        if (!file.startsWith(dataDir) || file.getNameCount() <= dataDir.getNameCount()) {
            return staged.toString();
        }
        Path relative = dataDir.relativize(file);
        String source = byChannel.get(relative.getName(0).toString());
        if (source == null) {
            return staged.toString();
        }
        Path user = Path.of(source);
        Path inChannel = relative.getNameCount() > 1 ? relative.subpath(1, relative.getNameCount()) : relative;
        // A single uploaded file keeps its name in the channel; an uploaded folder keeps its layout below it.
        if (user.getFileName() != null && inChannel.getNameCount() == 1 && user.getFileName().equals(inChannel)) {
            return user.toString();
        }
        return user.resolve(inChannel).toString();
    }
}
