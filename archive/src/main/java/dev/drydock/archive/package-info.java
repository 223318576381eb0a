/**
 * {@code .tar.gz} packing and safe extraction with the JDK only: {@link dev.drydock.archive.TarGz} and its
 * {@link dev.drydock.archive.ExtractionLimits}. Used by every artifact store for {@code model.tar.gz} and
 * {@code output.tar.gz}.
 */
package dev.drydock.archive;
