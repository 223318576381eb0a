package dev.drydock.local.job;

import java.util.concurrent.CompletableFuture;

/** One running host (a child process or a container), as the run loop sees it. */
public interface HostProcess {

    /** Completes when the trainer has ended and all of its output has been read. */
    CompletableFuture<HostExit> exit();

    /** Asks the trainer to stop (SIGTERM); does nothing once it has ended. */
    void terminate();

    /** Ends the trainer at once (SIGKILL); does nothing once it has ended. */
    void kill();
}
