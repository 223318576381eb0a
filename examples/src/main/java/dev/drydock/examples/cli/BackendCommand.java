package dev.drydock.examples.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What every command that talks to a backend shares: the backend options and {@code --verbose}. */
abstract class BackendCommand {
    @Mixin
    BackendOptions backend;

    @Option(names = "--verbose", description = "Print stack traces of errors and libraries' INFO logging.")
    boolean verbose;
}
