package dev.drydock.examples.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The modules and what each may depend on (main scope), as the README's architecture table says: the hexagon's
 * rules read from the build itself. A new dependency between drydock modules fails here until the table (and the
 * README) says it is meant.
 */
class ModuleDependencyTest {
    /** Module, and the drydock modules its main code may use. */
    static final Map<String, Set<String>> MAY_DEPEND_ON = new TreeMap<>(Map.ofEntries(
            Map.entry("container-contract", Set.of()),
            Map.entry("archive", Set.of()),
            Map.entry("core", Set.of("container-contract", "archive")),
            Map.entry("guice", Set.of("core")),
            Map.entry("testkit", Set.of("core", "container-contract")),
            Map.entry("local-adapter", Set.of("core", "container-contract", "guice")),
            Map.entry("aws-adapter", Set.of("core", "guice")),
            Map.entry("contract-kit", Set.of("container-contract", "local-adapter")),
            // The trainer runs inside the image: the contract and the archive code, never the SDK's core.
            Map.entry("trainer", Set.of("container-contract", "archive")),
            Map.entry("examples", Set.of("core", "container-contract", "guice", "local-adapter", "aws-adapter", "trainer"))));

    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>drydock-([^<]+)</artifactId>");
    private static final Pattern SCOPE = Pattern.compile("<scope>([^<]+)</scope>");

    @Test
    void everyModule_dependsOnlyOnWhatTheArchitectureAllows() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<String> modules = modules(Files.readString(root.resolve("pom.xml")));
        assertThat(modules).as("the reactor's modules, each in the table").containsExactlyInAnyOrderElementsOf(MAY_DEPEND_ON.keySet());

        List<String> problems = new ArrayList<>();
        for (String module : modules) {
            for (String used : mainDependencies(Files.readString(root.resolve(module).resolve("pom.xml")))) {
                if (!MAY_DEPEND_ON.get(module).contains(used)) {
                    problems.add(module + " depends on " + used + ", which the architecture does not allow it"
                            + " (allowed: " + new TreeSet<>(MAY_DEPEND_ON.get(module)) + ")");
                }
            }
        }
        assertThat(problems).as("dependencies outside the architecture table").isEmpty();
    }

    private static List<String> modules(String parentPom) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(parentPom);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static Set<String> mainDependencies(String pom) {
        int start = pom.indexOf("<dependencies>");
        Set<String> out = new TreeSet<>();
        if (start < 0) {
            return out;
        }
        // dependencyManagement sits in the parent only; a module's first <dependencies> is its own.
        Matcher d = DEPENDENCY.matcher(pom.substring(start));
        while (d.find()) {
            Matcher a = ARTIFACT.matcher(d.group(1));
            Matcher s = SCOPE.matcher(d.group(1));
            String scope = s.find() ? s.group(1) : "compile";
            if (a.find() && !scope.equals("test")) {
                out.add(a.group(1));
            }
        }
        return out;
    }
}
