/**
 * drydock testkit: one abstract contract test per port ({@link dev.drydock.testkit.StorageContractTest},
 * {@link dev.drydock.testkit.ArtifactStoreContractTest}, {@link dev.drydock.testkit.ImageRegistryContractTest},
 * {@link dev.drydock.testkit.TrainingBackendContractTest}) that every adapter's test extends; in-memory fakes that
 * pass them ({@link dev.drydock.testkit.InMemoryStorage}, {@link dev.drydock.testkit.InMemoryArtifactStore},
 * {@link dev.drydock.testkit.InMemoryImageRegistry}, {@link dev.drydock.testkit.FakeTrainingBackend}); the
 * {@link dev.drydock.testkit.ScriptedContainer} program that performs each {@link dev.drydock.testkit.ContainerBehaviour}
 * inside any backend; and {@link dev.drydock.testkit.TarGzFixtures} to build (hostile) archives byte by byte.
 */
package dev.drydock.testkit;
