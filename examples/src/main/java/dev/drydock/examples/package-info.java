/** drydock examples. */
package dev.drydock.examples;
