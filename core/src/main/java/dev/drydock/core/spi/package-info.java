/**
 * What a backend writer needs beyond the ports: the {@link dev.drydock.core.spi.BackendProvider} that makes a
 * backend by name, and its documented {@link dev.drydock.core.spi.BackendSetting}s. Users of drydock meet only
 * {@link dev.drydock.core.Backends} and {@link dev.drydock.core.Backend}.
 */
package dev.drydock.core.spi;
