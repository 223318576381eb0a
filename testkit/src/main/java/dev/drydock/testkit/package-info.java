/** drydock testkit. */
package dev.drydock.testkit;
