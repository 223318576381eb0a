package dev.drydock.local;

import dev.drydock.testkit.ScriptedContainer;

import java.nio.file.Path;
import java.util.List;

/** How tests start the testkit's {@link ScriptedContainer} as a child process. */
public final class TestTrainers {
    private TestTrainers() {
    }

    /**
     * {@code java -cp <testkit>:<container-contract> dev.drydock.testkit.ScriptedContainer}, with flags that make a
     * tiny JVM start fast (C1 only, serial GC, class data sharing).
     */
    public static List<String> scriptedContainerCommand() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Xss512k",
                "-cp", ScriptedContainer.classPathArgument(), ScriptedContainer.class.getName());
    }
}
