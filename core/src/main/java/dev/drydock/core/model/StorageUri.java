package dev.drydock.core.model;

import dev.drydock.core.error.InvalidInputException;
import dev.drydock.core.error.Violations;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A location in storage: {@code s3://bucket/key} or {@code file:///absolute/path}. Only these two schemes exist,
 * so that every location a local job uses has a cloud twin.
 *
 * <p>For {@code s3}, {@code bucket} follows S3's bucket naming rules and {@code key} (without a leading slash) is
 * at most 1024 UTF-8 bytes. For {@code file}, {@code bucket} is empty and {@code key} is the absolute, normalized
 * path. A key ending in '/' names a prefix (a folder).
 *
 * @param scheme {@code s3} or {@code file}
 * @param bucket the S3 bucket; empty for {@code file}
 * @param key    the object key or prefix (s3), or the absolute path (file)
 */
public record StorageUri(String scheme, String bucket, String key) {
    /** The S3 scheme. */
    public static final String S3 = "s3";
    /** The local file-system scheme. */
    public static final String FILE = "file";

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");
    private static final int MAX_KEY_BYTES = 1024;

    /** Validates the parts for their scheme. */
    public StorageUri {
        Violations v = new Violations();
        if (!S3.equals(scheme) && !FILE.equals(scheme)) {
            throw InvalidInputException.of("uri.scheme", scheme, "must be s3 or file (s3://bucket/key or file:///absolute/path)");
        }
        if (bucket == null) {
            bucket = "";
        }
        if (key == null) {
            key = "";
        }
        if (S3.equals(scheme)) {
            v.check(BUCKET.matcher(bucket).matches() && !bucket.contains("..") && !IP_ADDRESS.matcher(bucket).matches()
                            && !bucket.startsWith("xn--") && !bucket.endsWith("-s3alias"),
                    "uri.bucket", bucket, "must be 3 to 63 characters of lower-case letters, digits, '.' and '-',"
                            + " starting and ending with a letter or digit, not like an IP address (S3's bucket rules)");
            v.check(!key.startsWith("/"), "uri.key", key, "must not start with '/' (write s3://bucket/key)");
            v.check(key.getBytes(StandardCharsets.UTF_8).length <= MAX_KEY_BYTES, "uri.key", abbreviate(key),
                    "must be at most " + MAX_KEY_BYTES + " bytes in UTF-8 (S3's limit)");
        } else {
            v.check(bucket.isEmpty(), "uri", "file://" + bucket + key,
                    "must be file:///absolute/path with three slashes (no host part)");
            v.check(key.startsWith("/"), "uri.path", key, "must be an absolute path (file:///absolute/path)");
            v.check(!hasDotSegment(key), "uri.path", key, "must not contain '.' or '..' segments");
        }
        v.throwIfAny();
    }

    /** Parses {@code s3://bucket/key} or {@code file:///path}. */
    public static StorageUri parse(String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInputException.of("uri", text, "must be a storage URI such as s3://bucket/prefix/ or file:///data/");
        }
        int sep = text.indexOf("://");
        if (sep < 0) {
            throw InvalidInputException.of("uri", text, "must start with s3:// or file:// (for a local path use file:///absolute/path)");
        }
        String scheme = text.substring(0, sep);
        String rest = text.substring(sep + 3);
        if (FILE.equals(scheme)) {
            if (!rest.startsWith("/")) {
                throw InvalidInputException.of("uri", text, "must be file:///absolute/path with three slashes (no host part)");
            }
            return new StorageUri(FILE, "", decodePath(text, rest));
        }
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String key = slash < 0 ? "" : rest.substring(slash + 1);
        return new StorageUri(scheme, bucket, key);
    }

    /** The {@code file://} URI of a local path (made absolute and normalized); a folder gets a trailing '/'. */
    public static StorageUri of(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        String p = absolute.toString();
        if (java.nio.file.Files.isDirectory(absolute) && !p.endsWith("/")) {
            p = p + "/";
        }
        return new StorageUri(FILE, "", p);
    }

    /** {@code s3://bucket/key}. */
    public static StorageUri s3(String bucket, String key) {
        return new StorageUri(S3, bucket, key);
    }

    /** Whether this is an S3 location. */
    public boolean isS3() {
        return S3.equals(scheme);
    }

    /** Whether this is a local file-system location. */
    public boolean isFile() {
        return FILE.equals(scheme);
    }

    /** Whether the key ends in '/', naming a prefix (a folder) rather than one object. */
    public boolean isPrefix() {
        return key.isEmpty() || key.endsWith("/");
    }

    /** The local path of a {@code file://} URI. */
    public Path toPath() {
        if (!isFile()) {
            throw new IllegalStateException(this + " is not a file:// URI");
        }
        return Path.of(key);
    }

    /**
     * This location with {@code relative} appended, joined with exactly one '/'. A trailing '/' in
     * {@code relative} is kept, so the result names a prefix.
     */
    public StorageUri resolve(String relative) {
        String base = key.isEmpty() || key.endsWith("/") ? key : key + "/";
        String tail = relative.startsWith("/") ? relative.substring(1) : relative;
        return new StorageUri(scheme, bucket, base + tail);
    }

    /** This location as a prefix (with a trailing '/'). */
    public StorageUri asPrefix() {
        return isPrefix() ? this : new StorageUri(scheme, bucket, key + "/");
    }

    /** The last path segment (file or folder name), without a trailing '/'. */
    public String fileName() {
        String k = key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
        return k.substring(k.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return scheme + "://" + bucket + (isFile() ? "" : "/") + key;
    }

    private static boolean hasDotSegment(String path) {
        for (String segment : path.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private static String decodePath(String text, String rest) {
        if (!rest.contains("%")) {
            return rest;
        }
        try {
            return new URI(text).getPath();
        } catch (URISyntaxException e) {
            throw InvalidInputException.of("uri", text, "must be a valid file URI (" + e.getReason() + ")");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
