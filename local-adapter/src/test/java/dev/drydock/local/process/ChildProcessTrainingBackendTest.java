package dev.drydock.local.process;

import dev.drydock.local.LocalTrainingBackendContractTest;
import dev.drydock.local.TestTrainers;

import java.time.Duration;

/** The child-process backend passes the training backend contract with real child processes and file:// storage. */
class ChildProcessTrainingBackendTest extends LocalTrainingBackendContractTest<ChildProcessTrainingBackend> {

    @Override
    protected ChildProcessTrainingBackend build() {
        return ChildProcessTrainingBackend.builder()
                .jobRoot(jobRoot)
                .storage(storage)
                .modelPublisher(modelPublisher())
                .command(TestTrainers.scriptedContainerCommand())
                .gracePeriod(Duration.ofSeconds(1))
                .build();
    }

    @Override
    protected String image() {
        // The process backend runs the command above; the image only names what it stands for.
        return "drydock/scripted:latest";
    }
}
