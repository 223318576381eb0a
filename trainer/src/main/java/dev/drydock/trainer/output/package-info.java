/** What the trainer writes: the model folder's files and the tuning report. */
package dev.drydock.trainer.output;
