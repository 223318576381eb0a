package dev.drydock.testkit;

import dev.drydock.core.error.DrydockException;
import dev.drydock.core.error.ErrorCode;
import dev.drydock.core.error.ImageNotFoundException;
import dev.drydock.core.error.StorageIoException;
import dev.drydock.core.model.ImageBuildRequest;
import dev.drydock.core.model.ImageReference;
import dev.drydock.core.port.ImageRegistry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * An {@link ImageRegistry} that keeps images as names and digests in memory. "Building" reads the Dockerfile's
 * {@code COPY}/{@code ADD} sources (a missing one fails the build, as Docker would) and derives the digest from the
 * context's content, so the same context always gives the same digest. Thread-safe.
 */
public final class InMemoryImageRegistry implements ImageRegistry {
    private final Map<String, String> digestsByTag = new ConcurrentHashMap<>();

    /** An empty registry. */
    public InMemoryImageRegistry() {
    }

    /** Adds {@code image} as if it had been built or pulled, and returns it pinned to its (made-up) digest. */
    public ImageReference add(ImageReference image) {
        String digest = image.digestIfPinned().orElse(digestOf(image.toString().getBytes(StandardCharsets.UTF_8)));
        digestsByTag.put(key(image), digest);
        return image.withDigest(digest);
    }

    @Override
    public ImageReference build(ImageBuildRequest request) {
        try {
            List<String> lines = Files.readAllLines(request.context().resolve(request.dockerfile()));
            MessageDigest content = sha256();
            for (String line : lines) {
                content.update((line + "\n").getBytes(StandardCharsets.UTF_8));
                String[] words = line.trim().split("\\s+");
                boolean copies = words.length >= 3 && (words[0].equalsIgnoreCase("COPY") || words[0].equalsIgnoreCase("ADD"));
                for (int i = 1; copies && i < words.length - 1; i++) {
                    if (words[i].startsWith("--")) {
                        continue;
                    }
                    Path source = request.context().resolve(words[i]).normalize();
                    if (!source.startsWith(request.context()) || !Files.exists(source)) {
                        throw new DrydockException(ErrorCode.INVALID_INPUT, "building " + request.tag() + " failed at \""
                                + line.trim() + "\": COPY failed: file not found in build context: " + words[i]);
                    }
                    hashTree(source, content);
                }
            }
            String digest = "sha256:" + HexFormat.of().formatHex(content.digest());
            digestsByTag.put(key(request.tag()), digest);
            return request.tag().withDigest(digest);
        } catch (IOException e) {
            throw new StorageIoException("reading the build context " + request.context() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<ImageReference> resolve(ImageReference image) {
        String digest = digestsByTag.get(key(image));
        if (digest == null || image.digestIfPinned().map(d -> !d.equals(digest)).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of(image.withDigest(digest));
    }

    @Override
    public ImageReference push(ImageReference image, ImageReference target) {
        ImageReference present = resolve(image).orElseThrow(() -> new ImageNotFoundException(image.toString(),
                "image " + image + " is not in the in-memory registry: build or add it first"));
        digestsByTag.put(key(target), present.digest());
        return target.withDigest(present.digest());
    }

    private static String key(ImageReference image) {
        return image.name() + ":" + (image.tag() == null ? "latest" : image.tag());
    }

    private static void hashTree(Path source, MessageDigest content) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path p : paths.filter(Files::isRegularFile).sorted().toList()) {
                content.update(source.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
                content.update(Files.readAllBytes(p));
            }
        }
    }

    private static String digestOf(byte[] bytes) {
        return "sha256:" + HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
