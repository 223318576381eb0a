/** drydock trainer. */
package dev.drydock.trainer;
