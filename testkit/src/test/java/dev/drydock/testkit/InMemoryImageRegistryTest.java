package dev.drydock.testkit;

import dev.drydock.core.model.ImageReference;
import dev.drydock.core.port.ImageRegistry;

import java.util.UUID;

class InMemoryImageRegistryTest extends ImageRegistryContractTest {
    private final InMemoryImageRegistry registry = new InMemoryImageRegistry();

    InMemoryImageRegistryTest() {
        registry.add(ImageReference.parse("drydock/trainer:latest"));
    }

    @Override
    protected ImageRegistry registry() {
        return registry;
    }

    @Override
    protected ImageReference presentImage() {
        return ImageReference.parse("drydock/trainer:latest");
    }

    @Override
    protected ImageReference pushTarget() {
        return ImageReference.parse("127.0.0.1:5000/drydock/trainer:" + UUID.randomUUID().toString().substring(0, 8));
    }
}
