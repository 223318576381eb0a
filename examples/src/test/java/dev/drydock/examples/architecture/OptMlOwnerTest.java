package dev.drydock.examples.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One owner for {@code /opt/ml}: no Java source outside {@code container-contract} spells a name of the container
 * contract's layout in a string literal ({@code "/opt/ml/..."}, a config file's name, {@code "input/data"},
 * {@code "failure"}, {@code DRYDOCK_ML_ROOT}, ...); it asks {@code dev.drydock.contract.OptMl} instead. The copies
 * the issue found had drifted (one {@code inputdataconfig.json} without {@code CompressionType}); a literal is how a
 * copy starts.
 *
 * <p>Main code of every module is checked, and the test code that runs as a container or writes a tree as a
 * platform would (the testkit's and the adapters' test trainers). Allowed, each with its reason, are only the test
 * files in {@link #ALLOWED}: tests whose point is SageMaker's literal layout, so that they stay an oracle independent
 * of {@code OptMl} (were {@code OptMl} to misspell a name, a test written with {@code OptMl} would agree with it).
 */
class OptMlOwnerTest {
    /** What a literal must not contain: the layout's names, in any form a copy would use. */
    private static final List<Pattern> LAYOUT_NAMES = List.of(
            Pattern.compile("/opt/ml"),
            Pattern.compile("(hyperparameters|inputdataconfig|resourceconfig)\\.json"),
            Pattern.compile("\\binput/(config|data)\\b"),
            Pattern.compile("\\boutput/(data|failure)\\b"),
            Pattern.compile("DRYDOCK_ML_ROOT"),
            // the segments a resolve("...") would name; "model" and "output" are everyday folder names elsewhere
            Pattern.compile("^(failure|checkpoints)/?$"));

    /** Test sources (relative to the repository) that must spell the layout, and why. */
    static final Map<String, String> ALLOWED = Map.ofEntries(
            Map.entry("container-contract/", "the owner itself (main and tests)"),
            Map.entry("examples/src/test/java/dev/drydock/examples/architecture/OptMlOwnerTest.java", "the rule's own examples"),
            Map.entry("testkit/src/main/java/dev/drydock/testkit/TrainingBackendContractTest.java",
                    "\"checkpoints/\" there is a storage prefix of the test's own, not the container folder"),
            Map.entry("local-adapter/src/test/java/dev/drydock/local/",
                    "its test trainers run in the scripted image with only this module's test classes on the class"
                            + " path, and its tests check host folders against SageMaker's names"),
            Map.entry("core/src/test/java/dev/drydock/core/model/",
                    "the job spec's checkpoint default and fingerprint are checked against SageMaker's documented"
                            + " /opt/ml/checkpoints, independently of OptMl"),
            Map.entry("aws-adapter/src/test/java/dev/drydock/aws/",
                    "CreateTrainingJob requests are checked for SageMaker's literal paths, and the emulator plays"
                            + " SageMaker, which writes /opt/ml by its own documentation"),
            Map.entry("trainer/src/test/java/dev/drydock/trainer/",
                    "the trainer's tests build /opt/ml trees by hand, as SageMaker would, to read them back through"
                            + " the contract: a second spelling of the layout is their oracle"),
            Map.entry("testkit/src/test/java/dev/drydock/testkit/",
                    "ScriptedContainer's and the workflow's tests write and read trees by SageMaker's layout to"
                            + " check the fakes against it"),
            Map.entry("local-adapter/src/test/java/dev/drydock/local/process/",
                    "the child-process backend's tests check the host folder it lays out against SageMaker's names"),
            Map.entry("local-adapter/src/test/java/dev/drydock/local/job/",
                    "the channel stager's tests check the staged folders against SageMaker's names"),
            Map.entry("local-adapter/src/test/java/dev/drydock/local/LocalTrainingBackendContractTest.java",
                    "the shared local contract checks host folders against SageMaker's names"),
            Map.entry("local-adapter/src/test/java/dev/drydock/local/storage/",
                    "an artifact store test names a model folder as SageMaker does"),
            Map.entry("local-adapter/src/test/java/dev/drydock/local/bench/",
                    "benchmarks reproduce a SageMaker-sized model tree by its literal names"),
            Map.entry("contract-kit/src/test/java/dev/drydock/contractkit/",
                    "the broken programs break the contract on purpose, by its literal names"));

    @Test
    void noSourceOutsideTheContractModule_spellsAnOptMlName() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<String> found = new ArrayList<>();
        int scanned = 0;
        for (Path source : javaSources(root)) {
            String relative = root.relativize(source).toString().replace('\\', '/');
            if (ALLOWED.keySet().stream().anyMatch(relative::startsWith)) {
                continue;
            }
            scanned++;
            String text = Files.readString(source, StandardCharsets.UTF_8);
            for (JavaLiterals.Literal literal : JavaLiterals.of(text)) {
                for (Pattern name : LAYOUT_NAMES) {
                    if (name.matcher(literal.value()).find()) {
                        found.add(relative + ":" + literal.line() + " \"" + literal.value() + "\" names the /opt/ml"
                                + " layout; ask dev.drydock.contract.OptMl (its paths, CONTAINER, the *_FILE"
                                + " constants, ROOT_ENV) instead");
                        break;
                    }
                }
            }
        }
        // Guards against passing on an empty walk (a wrong root, a moved folder).
        assertThat(scanned).as("Java sources scanned").isGreaterThan(300);
        assertThat(found).as("/opt/ml names spelled outside container-contract").isEmpty();
    }

    @Test
    void theRule_findsALiteralButNotACommentOrAnEverydayName() {
        String source = "class A {\n"
                + "  // a comment about /opt/ml/model is prose\n"
                + "  /* \"resourceconfig.json\" in a block comment */\n"
                + "  Path p = root.resolve(\"input/config/hyperparameters.json\");\n"
                + "  Path q = root.resolve(\"model\"); char c = '\"'; String e = \"a \\\"quoted\\\" failure\";\n"
                + "  Path f = root.resolve(\"failure\");\n"
                + "}\n";
        List<String> hits = new ArrayList<>();
        for (JavaLiterals.Literal literal : JavaLiterals.of(source)) {
            if (LAYOUT_NAMES.stream().anyMatch(n -> n.matcher(literal.value()).find())) {
                hits.add(literal.line() + ":" + literal.value());
            }
        }
        assertThat(hits).containsExactly("4:input/config/hyperparameters.json", "6:failure");
    }

    private static List<Path> javaSources(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> root.relativize(p).toString().replace('\\', '/').matches("[^/]+/src/(main|test)/java/.*"))
                    .sorted().toList();
        }
    }
}
