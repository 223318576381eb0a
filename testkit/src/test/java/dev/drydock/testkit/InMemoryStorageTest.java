package dev.drydock.testkit;

import dev.drydock.core.model.StorageUri;
import dev.drydock.core.port.Storage;

class InMemoryStorageTest extends StorageContractTest {
    private final InMemoryStorage storage = new InMemoryStorage();

    @Override
    protected Storage storage() {
        return storage;
    }

    @Override
    protected StorageUri root() {
        return StorageUri.parse("s3://drydock-test/storage/");
    }
}
