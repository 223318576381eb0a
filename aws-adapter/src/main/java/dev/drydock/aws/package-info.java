/** drydock aws-adapter. */
package dev.drydock.aws;
