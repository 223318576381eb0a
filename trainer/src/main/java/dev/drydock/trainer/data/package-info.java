/** CSV data as string tables, read with FastCSV. */
package dev.drydock.trainer.data;
