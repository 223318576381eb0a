package dev.drydock.aws;

import dev.drydock.core.error.ConfigurationException;
import dev.drydock.core.error.DrydockException;
import dev.drydock.core.error.DrydockInterruptedException;
import dev.drydock.core.error.InvalidInputException;
import dev.drydock.core.error.StorageIoException;
import dev.drydock.core.error.StorageObjectNotFoundException;
import dev.drydock.core.model.StorageObject;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.port.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CreateBucketConfiguration;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.transfer.s3.S3TransferManager;
import software.amazon.awssdk.transfer.s3.model.CompletedDirectoryDownload;
import software.amazon.awssdk.transfer.s3.model.CompletedDirectoryUpload;
import software.amazon.awssdk.transfer.s3.model.DownloadDirectoryRequest;
import software.amazon.awssdk.transfer.s3.model.DownloadFileRequest;
import software.amazon.awssdk.transfer.s3.model.UploadDirectoryRequest;
import software.amazon.awssdk.transfer.s3.model.UploadFileRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/**
 * {@link Storage} on Amazon S3 (and S3-compatible servers through an endpoint override and path-style addressing).
 *
 * <p>Uploads and downloads go through the S3 Transfer Manager: large files in parallel multipart transfers, folders
 * as many parallel transfers, each part with a checksum the server verifies. Small calls (head, list, create bucket)
 * use the synchronous client. A bucket that does not exist is a {@link ConfigurationException} on writes unless
 * {@link S3Options#createMissingBuckets()} is on; on reads it is a {@link StorageObjectNotFoundException} that says
 * the bucket is missing.
 *
 * <p>The SDK already retries transient HTTP errors; this class adds no retries of its own. Thread-safe.
 */
public final class S3Storage implements Storage {
    private static final Logger LOG = LoggerFactory.getLogger(S3Storage.class);

    private final S3Client s3;
    private final S3TransferManager transfers;
    private final S3Options options;
    private final Set<String> knownBuckets = ConcurrentHashMap.newKeySet();

    /**
     * A storage on {@code s3} (small calls) and {@code transfers} (uploads and downloads). The caller owns both
     * clients and closes them.
     */
    public S3Storage(S3Client s3, S3TransferManager transfers, S3Options options) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.transfers = Objects.requireNonNull(transfers, "transfers");
        this.options = Objects.requireNonNullElse(options, S3Options.defaults());
    }

    /** The options this storage writes with. */
    public S3Options options() {
        return options;
    }

    @Override
    public boolean supports(StorageUri uri) {
        return uri != null && uri.isS3();
    }

    @Override
    public StorageUri put(Path source, StorageUri target) {
        requireS3(target, "target");
        if (source == null || !Files.exists(source)) {
            throw new StorageObjectNotFoundException(StorageUri.of(source == null ? Path.of("") : source).toString(),
                    "the local file or folder to upload does not exist; check the path");
        }
        ensureBucketForWrite(target.bucket());
        if (Files.isDirectory(source)) {
            return putFolder(source, target.asPrefix());
        }
        StorageUri object = target.isPrefix() ? target.resolve(source.getFileName().toString()) : target;
        putFile(source, object);
        return object;
    }

    private void putFile(Path source, StorageUri object) {
        UploadFileRequest request = UploadFileRequest.builder()
                .source(source)
                .putObjectRequest(b -> encrypt(b.bucket(object.bucket()).key(object.key())))
                .build();
        await(transfers.uploadFile(request).completionFuture(), "uploading " + source + " to " + object);
        LOG.debug("uploaded {} to {}", source, object);
    }

    private StorageUri putFolder(Path source, StorageUri prefix) {
        UploadDirectoryRequest request = UploadDirectoryRequest.builder()
                .source(source)
                .bucket(prefix.bucket())
                .s3Prefix(prefix.key().isEmpty() ? null : prefix.key().substring(0, prefix.key().length() - 1))
                .s3Delimiter("/")
                .followSymbolicLinks(false)
                .uploadFileRequestTransformer(b -> {
                    // Amend the request the transfer manager made (bucket, key) rather than replace it.
                    PutObjectRequest made = b.build().putObjectRequest();
                    b.putObjectRequest(encrypt(made.toBuilder()).build());
                })
                .build();
        CompletedDirectoryUpload done = await(transfers.uploadDirectory(request).completionFuture(),
                "uploading folder " + source + " to " + prefix);
        if (!done.failedTransfers().isEmpty()) {
            var first = done.failedTransfers().get(0);
            // The action reads after "while": the first file that failed, and how many did.
            throw failure(first.exception(), "uploading " + first.request().source() + ", one of "
                    + done.failedTransfers().size() + " files of folder " + source + " that failed to reach " + prefix);
        }
        LOG.debug("uploaded folder {} to {}", source, prefix);
        return prefix;
    }

    private PutObjectRequest.Builder encrypt(PutObjectRequest.Builder b) {
        // Ask for a checksum on every part so that the server verifies what it received (and multipart uploads
        // carry a composite checksum); CRC32 is cheap on the CPU and supported by S3 and S3-compatible servers.
        b.checksumAlgorithm(ChecksumAlgorithm.CRC32);
        ServerSideEncryption sse = options.encryption();
        switch (sse.mode()) {
            case BUCKET_DEFAULT:
                break;
            case S3_MANAGED:
                b.serverSideEncryption(software.amazon.awssdk.services.s3.model.ServerSideEncryption.AES256);
                break;
            case KMS:
                b.serverSideEncryption(software.amazon.awssdk.services.s3.model.ServerSideEncryption.AWS_KMS);
                if (sse.kmsKeyId() != null) {
                    b.ssekmsKeyId(sse.kmsKeyId());
                }
                break;
        }
        return b;
    }

    @Override
    public Path get(StorageUri source, Path target) {
        requireS3(source, "source");
        Objects.requireNonNull(target, "target");
        if (!source.isPrefix()) {
            Optional<HeadObjectResponse> head = head(source);
            if (head.isPresent()) {
                getFile(source, target);
                return target;
            }
        }
        StorageUri prefix = source.asPrefix();
        if (!exists(prefix)) {
            throw new StorageObjectNotFoundException(source.toString(), "no object has this key or prefix; list the"
                    + " bucket to check the key, or upload the data first");
        }
        getFolder(prefix, target);
        return target;
    }

    private void getFile(StorageUri source, Path target) {
        Path partial = partialSibling(target);
        try {
            createParent(target);
            DownloadFileRequest request = DownloadFileRequest.builder()
                    .destination(partial)
                    .getObjectRequest(b -> b.bucket(source.bucket()).key(source.key()))
                    .build();
            await(transfers.downloadFile(request).completionFuture(), "downloading " + source + " to " + target);
            moveReplacing(partial, target);
        } finally {
            deleteQuietly(partial);
        }
    }

    private void getFolder(StorageUri prefix, Path target) {
        Path partial = partialSibling(target);
        try {
            createParent(target);
            DownloadDirectoryRequest request = DownloadDirectoryRequest.builder()
                    .destination(partial)
                    .bucket(prefix.bucket())
                    .listObjectsV2RequestTransformer(b -> b.prefix(prefix.key()))
                    .build();
            CompletedDirectoryDownload done = await(transfers.downloadDirectory(request).completionFuture(),
                    "downloading " + prefix + " to " + target);
            if (!done.failedTransfers().isEmpty()) {
                var first = done.failedTransfers().get(0);
                throw failure(first.exception(), "downloading " + first.request().getObjectRequest().key() + ", one of "
                        + done.failedTransfers().size() + " objects of " + prefix + " that failed to reach " + target);
            }
            mergeInto(partial, target);
        } finally {
            deleteTree(partial);
        }
    }

    @Override
    public List<StorageObject> list(StorageUri prefix) {
        requireS3(prefix, "prefix");
        List<StorageObject> found = new ArrayList<>();
        if (!prefix.isPrefix()) {
            head(prefix).ifPresent(h -> found.add(new StorageObject(prefix, h.contentLength(), h.lastModified(), null)));
        }
        String keyPrefix = prefix.asPrefix().key();
        try {
            ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(prefix.bucket())
                    .prefix(keyPrefix.isEmpty() ? null : keyPrefix).build();
            for (S3Object o : s3.listObjectsV2Paginator(request).contents()) {
                if (o.key().endsWith("/") && o.size() == 0) {
                    continue; // a "folder marker" made by consoles, not data
                }
                found.add(new StorageObject(StorageUri.s3(prefix.bucket(), o.key()), o.size(), o.lastModified(), null));
            }
        } catch (NoSuchBucketException e) {
            throw missingBucket(prefix.bucket(), e);
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "listing " + prefix);
        }
        found.sort(Comparator.comparing(o -> o.uri().toString()));
        return found;
    }

    @Override
    public boolean exists(StorageUri uri) {
        requireS3(uri, "uri");
        if (!uri.isPrefix() && head(uri).isPresent()) {
            return true;
        }
        String keyPrefix = uri.asPrefix().key();
        try {
            return s3.listObjectsV2(b -> b.bucket(uri.bucket()).prefix(keyPrefix.isEmpty() ? null : keyPrefix).maxKeys(1))
                    .keyCount() > 0;
        } catch (NoSuchBucketException e) {
            throw missingBucket(uri.bucket(), e);
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "checking " + uri);
        }
    }

    /** The object's metadata, or empty when no object has exactly this key. */
    Optional<HeadObjectResponse> head(StorageUri uri) {
        try {
            return Optional.of(s3.headObject(b -> b.bucket(uri.bucket()).key(uri.key())));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (NoSuchBucketException e) {
            throw missingBucket(uri.bucket(), e);
        } catch (AwsServiceException e) {
            if (e.statusCode() == 404) {
                // HEAD answers carry no body, so a missing bucket and a missing key can look alike: tell them apart.
                if (!bucketExists(uri.bucket())) {
                    throw missingBucket(uri.bucket(), e);
                }
                return Optional.empty();
            }
            throw AwsErrors.translate(e, "reading the metadata of " + uri);
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "reading the metadata of " + uri);
        }
    }

    private void ensureBucketForWrite(String bucket) {
        if (knownBuckets.contains(bucket)) {
            return;
        }
        if (!bucketExists(bucket)) {
            if (!options.createMissingBuckets()) {
                throw new ConfigurationException("S3 bucket \"" + bucket + "\" does not exist" + inRegion()
                        + ": create it (aws s3 mb s3://" + bucket + "), fix the bucket name, or let drydock create it"
                        + " with createMissingBuckets(true)");
            }
            createBucket(bucket);
        }
        knownBuckets.add(bucket);
    }

    private boolean bucketExists(String bucket) {
        try {
            s3.headBucket(b -> b.bucket(bucket));
            return true;
        } catch (NoSuchBucketException e) {
            return false;
        } catch (AwsServiceException e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw AwsErrors.translate(e, "checking S3 bucket " + bucket);
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "checking S3 bucket " + bucket);
        }
    }

    private void createBucket(String bucket) {
        try {
            CreateBucketRequest.Builder request = CreateBucketRequest.builder().bucket(bucket);
            String region = options.region();
            // us-east-1 is the one region that refuses an explicit location constraint.
            if (region != null && !region.equals("us-east-1")) {
                request.createBucketConfiguration(CreateBucketConfiguration.builder()
                        .locationConstraint(BucketLocationConstraint.fromValue(region)).build());
            }
            s3.createBucket(request.build());
            LOG.info("created S3 bucket {}{}", bucket, inRegion());
        } catch (software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException e) {
            // Another thread or process created it first: that is what we wanted.
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "creating S3 bucket " + bucket);
        }
    }

    private StorageObjectNotFoundException missingBucket(String bucket, Exception cause) {
        StorageObjectNotFoundException e = new StorageObjectNotFoundException("s3://" + bucket + "/",
                "the S3 bucket \"" + bucket + "\" does not exist" + inRegion() + "; check the bucket name and region", cause);
        return e;
    }

    private String inRegion() {
        return options.region() == null ? "" : " in region " + options.region();
    }

    private static void requireS3(StorageUri uri, String field) {
        if (uri == null || !uri.isS3()) {
            throw InvalidInputException.of(field, uri, "must be an s3:// URI: S3Storage serves only the s3 scheme"
                    + " (use a file-system storage for file:// URIs)");
        }
    }

    /** Waits for a transfer, translating its failure. */
    static <T> T await(CompletableFuture<T> future, String action) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new DrydockInterruptedException(action, e);
        } catch (ExecutionException | CompletionException | CancellationException e) {
            throw failure(e, action);
        }
    }

    private static DrydockException failure(Throwable t, String action) {
        Throwable cause = t;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof DrydockException d) {
            return d;
        }
        if (cause instanceof NoSuchKeyException e) {
            return new StorageObjectNotFoundException(action, "the object disappeared while it was read", e);
        }
        if (cause instanceof SdkException e) {
            // The transfer manager wraps service errors in an SdkClientException; translate the service error.
            Throwable inner = e;
            while (inner.getCause() instanceof SdkException next) {
                inner = next;
            }
            if (inner instanceof NoSuchBucketException nb) {
                return new ConfigurationException("the S3 bucket does not exist while " + action + ": create it or fix the name", nb);
            }
            return AwsErrors.translate((SdkException) (inner instanceof AwsServiceException ? inner : e), action);
        }
        if (cause instanceof IOException || cause instanceof UncheckedIOException) {
            return new StorageIoException("local file I/O failed while " + action + ": " + cause.getMessage(), cause);
        }
        return new StorageIoException("failed while " + action + ": " + cause, cause);
    }

    private static Path partialSibling(Path target) {
        Path absolute = target.toAbsolutePath();
        return absolute.resolveSibling("." + absolute.getFileName() + ".partial-" + UUID.randomUUID());
    }

    private static void createParent(Path target) {
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StorageIoException("cannot create the folder of " + target + ": " + e.getMessage(), e);
        }
    }

    private static void moveReplacing(Path from, Path to) {
        try {
            try {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (DirectoryNotEmptyException e) {
            throw new StorageIoException("cannot write the file " + to + ": a non-empty folder is in the way", e);
        } catch (IOException e) {
            throw new StorageIoException("cannot move the downloaded file to " + to + ": " + e.getMessage(), e);
        }
    }

    /** Moves every file of {@code from} to the same relative path below {@code to}, replacing files there. */
    private static void mergeInto(Path from, Path to) {
        try {
            if (!Files.exists(to)) {
                try {
                    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
                    return;
                } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                    // fall through to the file-by-file move
                }
            }
            Files.createDirectories(to);
            try (Stream<Path> files = Files.walk(from)) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    Path dest = to.resolve(from.relativize(file).toString());
                    Files.createDirectories(dest.getParent());
                    moveReplacing(file, dest);
                }
            }
        } catch (IOException e) {
            throw new StorageIoException("cannot move the downloaded files into " + to + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.debug("could not delete {}", p, e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(S3Storage::deleteQuietly);
        } catch (IOException e) {
            LOG.debug("could not delete {}", root, e);
        }
    }
}
