/** drydock local-adapter. */
package dev.drydock.local;
