/** The Docker training backend: the real training image, run through docker-java as SageMaker runs it. */
package dev.drydock.local.docker;
