package dev.drydock.local;

import dev.drydock.testkit.ScriptedContainer;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** How tests start the testkit's {@link ScriptedContainer} as a child process. */
public final class TestTrainers {
    private TestTrainers() {
    }

    /** Where the testkit's classes are (its jar, or its classes folder in the reactor). */
    public static Path testkitClasses() {
        try {
            return Path.of(ScriptedContainer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code java -cp <testkit> dev.drydock.testkit.ScriptedContainer}, with flags that make a tiny JVM start fast
     * (C1 only, serial GC, class data sharing).
     */
    public static List<String> scriptedContainerCommand() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Xss512k",
                "-cp", testkitClasses().toString(), ScriptedContainer.class.getName());
    }
}
