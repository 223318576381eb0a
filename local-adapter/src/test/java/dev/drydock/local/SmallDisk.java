package dev.drydock.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real, small file system (a tmpfs) for tests of a full disk, mounted on a folder and unmounted on close. Mounting
 * needs root; without it the test is skipped, saying so.
 */
public final class SmallDisk implements AutoCloseable {
    private final Path mount;

    private SmallDisk(Path mount) {
        this.mount = mount;
    }

    /** A tmpfs of {@code size} ({@code 1m}, {@code 64k}) on the new folder {@code folder}, or the test is skipped. */
    public static SmallDisk mount(Path folder, String size) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", folder.toString()),
                "skipped: cannot mount a " + size + " tmpfs here (mounting needs root) to fill a real disk");
        return new SmallDisk(folder);
    }

    /** Where it is mounted. */
    public Path root() {
        return mount;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("umount", "-l", mount.toString());
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
