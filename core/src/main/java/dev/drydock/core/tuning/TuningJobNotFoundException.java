package dev.drydock.core.tuning;

import dev.drydock.core.error.NotFoundException;

/** No tuning job of that name exists on the backend asked. */
public class TuningJobNotFoundException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    /** For tuning job {@code name}, not found {@code where} (such as "in /tmp/drydock/tuning-jobs"). */
    public TuningJobNotFoundException(String name, String where) {
        super("tuning job \"" + name + "\" was not found " + where
                + ": check the name, and that drydock points at the backend (and region or work directory) that ran it");
    }
}
