/**
 * The machinery both local training backends share: the job folder with its {@code /opt/ml} tree per host, the
 * container config files, channel staging, the job's state on disk, its log file, metrics, failure reasons and the
 * run loop (stop, max runtime, several hosts). A backend only supplies a {@link dev.drydock.local.job.HostLauncher}
 * that starts one host. Public so that the backends in sibling packages can use it; not a user API.
 */
package dev.drydock.local.job;
