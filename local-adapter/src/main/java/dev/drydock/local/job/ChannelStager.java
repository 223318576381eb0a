package dev.drydock.local.job;

import dev.drydock.archive.DiskSpace;
import dev.drydock.core.error.InvalidInputException;
import dev.drydock.core.error.StorageIoException;
import dev.drydock.core.error.Violations;
import dev.drydock.core.model.Channel;
import dev.drydock.core.model.CompressionType;
import dev.drydock.core.model.DataDistribution;
import dev.drydock.core.model.StorageObject;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.model.TrainingJobSpec;
import dev.drydock.core.port.Storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Copies each channel's objects from storage into {@code /opt/ml/input/data/<channel>/} of every host, as SageMaker
 * does in File mode (Pipe and FastFile channels are staged as files too).
 *
 * <ul>
 *   <li>FullyReplicated: every host gets every object. The objects are fetched once, into {@code algo-1}, and
 *       hard-linked into the other hosts' trees (copied where links are impossible).</li>
 *   <li>ShardedByS3Key: the objects, sorted by key, are dealt out round-robin, object {@code i} to host
 *       {@code i mod N}, so each host gets about 1/N of them.</li>
 *   <li>Gzip compression: objects are decompressed as they are staged; a {@code .gz} suffix is dropped.</li>
 * </ul>
 *
 * <p>Object paths below the channel's prefix are kept. A source that is one object is staged under its file name.
 */
public final class ChannelStager {
    private final Storage storage;

    /** A stager reading from {@code storage}. */
    public ChannelStager(Storage storage) {
        this.storage = storage;
    }

    /**
     * Checks before the job starts that every channel's source is served by the storage and holds data; reports
     * every bad channel at once.
     */
    public void checkSources(TrainingJobSpec spec) {
        Violations v = new Violations();
        for (int i = 0; i < spec.channels().size(); i++) {
            Channel c = spec.channels().get(i);
            String field = "channels[" + i + "].source";
            if (!storage.supports(c.source())) {
                v.add(field, c.source(), "of channel \"" + c.name() + "\" must be a location the local storage serves"
                        + " (file:///... under its configured roots); upload the data there first");
            } else if (!storage.exists(c.source())) {
                v.add(field, c.source(), "of channel \"" + c.name() + "\" must exist: nothing is stored there; upload the"
                        + " channel's data first or fix the URI");
            }
        }
        v.throwIfAny();
    }

    /** Stages every channel of {@code spec} into the hosts' trees. */
    public void stage(TrainingJobSpec spec, List<HostFolder> hosts) {
        for (Channel channel : spec.channels()) {
            stageChannel(channel, hosts);
        }
    }

    private void stageChannel(Channel channel, List<HostFolder> hosts) {
        List<Item> items = itemsOf(channel);
        if (items.isEmpty()) {
            throw InvalidInputException.of("channels." + channel.name() + ".source", channel.source(),
                    "must hold at least one object; nothing is stored there");
        }
        boolean sharded = channel.distribution() == DataDistribution.SHARDED_BY_S3_KEY && hosts.size() > 1;
        for (HostFolder host : hosts) {
            createDirectories(host.data().resolve(channel.name()));
        }
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            if (sharded) {
                HostFolder host = hosts.get(i % hosts.size());
                fetch(channel, item, host.data().resolve(channel.name()));
            } else {
                Path first = fetch(channel, item, hosts.get(0).data().resolve(channel.name()));
                Path relative = hosts.get(0).data().resolve(channel.name()).relativize(first);
                for (int h = 1; h < hosts.size(); h++) {
                    link(first, hosts.get(h).data().resolve(channel.name()).resolve(relative));
                }
            }
        }
    }

    private List<Item> itemsOf(Channel channel) {
        StorageUri source = channel.source();
        List<Item> items = new ArrayList<>();
        if (!source.isPrefix()) {
            List<StorageObject> below = storage.list(source.asPrefix());
            if (below.isEmpty()) {
                items.add(new Item(source, source.fileName()));
                return items;
            }
            source = source.asPrefix();
        }
        String base = source.key();
        for (StorageObject o : storage.list(source)) {
            String key = o.uri().key();
            String relative = key.startsWith(base) ? key.substring(base.length()) : o.uri().fileName();
            if (!relative.isEmpty() && !relative.endsWith("/")) {
                items.add(new Item(o.uri(), relative));
            }
        }
        return items;
    }

    private Path fetch(Channel channel, Item item, Path channelFolder) {
        Path target = channelFolder.resolve(item.relative()).normalize();
        if (!target.startsWith(channelFolder)) {
            throw InvalidInputException.of("channels." + channel.name() + ".source", item.uri(),
                    "must not hold keys that climb out of the channel folder ('..')");
        }
        createDirectories(target.getParent());
        if (channel.compression() != CompressionType.GZIP) {
            storage.get(item.uri(), target);
            return target;
        }
        String name = target.getFileName().toString();
        Path unpacked = name.endsWith(".gz") && name.length() > 3 ? target.resolveSibling(name.substring(0, name.length() - 3)) : target;
        Path packed = target.resolveSibling(name + ".download");
        storage.get(item.uri(), packed);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(packed), 65536)) {
            Files.copy(in, unpacked, StandardCopyOption.REPLACE_EXISTING);
            Files.delete(packed);
            return unpacked;
        } catch (IOException e) {
            throw new StorageIoException("could not decompress " + item.uri() + " of channel \"" + channel.name()
                    + "\" (CompressionType Gzip): " + e.getMessage() + "; store gzip files, or set the compression to None", e);
        }
    }

    private static void link(Path existing, Path link) {
        createDirectories(link.getParent());
        try {
            Files.createLink(link, existing);
        } catch (FileAlreadyExistsException e) {
            // Staged already (a retry): keep it.
        } catch (IOException | UnsupportedOperationException e) {
            try {
                Files.copy(existing, link, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException copyFailed) {
                throw new StorageIoException("could not stage " + existing + " to " + link + ": " + copyFailed.getMessage(), copyFailed);
            }
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StorageIoException("could not create " + dir + ": " + DiskSpace.reason(e), e);
        }
    }

    private record Item(StorageUri uri, String relative) {
    }
}
