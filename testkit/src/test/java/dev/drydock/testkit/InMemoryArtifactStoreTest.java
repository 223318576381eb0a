package dev.drydock.testkit;

import dev.drydock.archive.ExtractionLimits;
import dev.drydock.core.model.StorageUri;
import dev.drydock.core.port.ArtifactStore;

class InMemoryArtifactStoreTest extends ArtifactStoreContractTest {
    private static final long LIMIT = 64 * 1024;
    private final InMemoryStorage storage = new InMemoryStorage();
    private final InMemoryArtifactStore store =
            new InMemoryArtifactStore(storage, ExtractionLimits.defaults().withMaxTotalBytes(LIMIT));

    @Override
    protected ArtifactStore artifactStore() {
        return store;
    }

    @Override
    protected StorageUri root() {
        return StorageUri.parse("s3://drydock-test/artifacts/");
    }

    @Override
    protected void putRaw(StorageUri uri, byte[] bytes) {
        storage.putBytes(uri, bytes);
    }

    @Override
    protected long extractionLimitBytes() {
        return LIMIT;
    }
}
