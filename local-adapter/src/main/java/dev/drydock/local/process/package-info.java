/** The child-process training backend: the trainer runs as a local process per host, no Docker needed. */
package dev.drydock.local.process;
