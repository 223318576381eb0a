package dev.drydock.contract;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code /opt/ml/input/config/hyperparameters.json}: names to strings (SageMaker passes every value as a string),
 * with the one codec that turns typed values into those strings ({@link #encode}) and back (the typed getters).
 *
 * <p>Encoding: integers as decimal digits; floating-point numbers in plain notation with {@code .0} kept on whole
 * numbers ({@code 0.0001}, {@code 1.0}); booleans as {@code true}/{@code false}; collections as a JSON array
 * ({@code [3,4,5]}, {@code ["a","b"]}); anything else by {@code toString()}. Decoding accepts what encoding gives
 * and what people type: {@code True} (Python's {@code str(True)}), lists as {@code 3,4,5}.
 *
 * <p>Every getter throws {@link TrainingException} naming the hyperparameter, the value received and the form
 * expected, so that a typo becomes a readable FailureReason.
 */
public final class Hyperparameters {
    private final Map<String, String> values;

    private Hyperparameters(Map<String, String> values) {
        Map<String, String> copy = new TreeMap<>();
        values.forEach((name, value) -> {
            if (name == null || name.isEmpty() || value == null) {
                throw new IllegalArgumentException("hyperparameter " + name + "=" + value
                        + ": names must be non-empty and values non-null");
            }
            copy.put(name, value);
        });
        this.values = Collections.unmodifiableMap(copy);
    }

    /**
     * @param values name to string value, as in {@code hyperparameters.json}
     * @return the hyperparameters
     */
    public static Hyperparameters of(Map<String, String> values) {
        return new Hyperparameters(values);
    }

    /**
     * @param typed name to a typed value, each turned into its string by {@link #encode}
     * @return the hyperparameters
     */
    public static Hyperparameters fromTyped(Map<String, ?> typed) {
        Map<String, String> out = new LinkedHashMap<>();
        typed.forEach((name, value) -> out.put(name, encode(value)));
        return new Hyperparameters(out);
    }

    /** @return no hyperparameters */
    public static Hyperparameters none() {
        return new Hyperparameters(Map.of());
    }

    /**
     * @param file a {@code hyperparameters.json}
     * @return its entries. A non-string value in a hand-written file is taken as its JSON text ({@code 5},
     *     {@code true}): the platform's rule is strings only, but a number typed by hand means what it says
     * @throws TrainingException when the file is not a JSON object of scalars
     */
    public static Hyperparameters read(Path file) {
        Map<String, Object> root = ConfigFiles.readObject(file);
        Map<String, String> out = new LinkedHashMap<>();
        root.forEach((name, value) -> {
            if (value instanceof Map) {
                throw new TrainingException(file + ": hyperparameter \"" + name + "\" is an object; every value"
                        + " must be a string (write it as \"...\")");
            }
            out.put(name, value instanceof String s ? s
                    : value instanceof List<?> list ? encode(list) : String.valueOf(value));
        });
        return new Hyperparameters(out);
    }

    /**
     * @param file a {@code hyperparameters.json}, or a path where there is none
     * @return its entries, or none when the file does not exist
     */
    public static Hyperparameters readIfPresent(Path file) {
        return Files.exists(file) ? read(file) : none();
    }

    /**
     * Writes the file as SageMaker does: one JSON object, every value a string.
     *
     * @param file where to write it (its folder is created)
     */
    public void write(Path file) {
        ConfigFiles.write(file, new LinkedHashMap<String, Object>(values));
    }

    /**
     * The string a container receives for a typed value; the inverse of the typed getters.
     *
     * @param value a number, boolean, collection, or anything whose {@code toString()} is the value
     * @return the string
     * @throws IllegalArgumentException when {@code value} is null or a non-finite number
     */
    public static String encode(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("a hyperparameter value must not be null");
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("a hyperparameter value must be finite, got " + d);
            }
            // Float.toString keeps a float's shortest decimal form (0.1f is "0.1", not 0.10000000149011612), and
            // stripping zeros keeps 1e-4 as "0.0001" rather than BigDecimal's "0.00010".
            BigDecimal exact = value instanceof Float f ? new BigDecimal(Float.toString(f)) : BigDecimal.valueOf(d);
            String plain = exact.stripTrailingZeros().toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Collection<?> items) {
            StringBuilder s = new StringBuilder("[");
            for (Object item : items) {
                if (s.length() > 1) {
                    s.append(',');
                }
                s.append(item instanceof CharSequence ? quote(item.toString()) : encode(item));
            }
            return s.append(']').toString();
        }
        return value.toString();
    }

    /** @return every name to its raw string value, sorted by name */
    public Map<String, String> asMap() {
        return values;
    }

    /** @return the names, sorted */
    public Set<String> names() {
        return values.keySet();
    }

    /**
     * Rejects names outside {@code known}: a misspelt name would otherwise be silently ignored.
     *
     * @param known every name the program understands
     * @throws TrainingException listing the unknown and the known names
     */
    public void requireOnly(Set<String> known) {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new TrainingException("unknown hyperparameter" + (unknown.size() > 1 ? "s " : " ") + unknown
                    + suggestions(unknown, known) + "; known hyperparameters are " + new TreeSet<>(known));
        }
    }

    /** " (did you mean max_depth?)" for the unknown names one or two typos away from a known one, else "". */
    private static String suggestions(Set<String> unknown, Set<String> known) {
        List<String> guesses = new ArrayList<>();
        for (String name : unknown) {
            known.stream()
                    .filter(k -> editDistance(name, k) <= Math.max(1, Math.min(2, name.length() / 4)))
                    .min(Comparator.<String>comparingInt(k -> editDistance(name, k)).thenComparing(k -> k))
                    .ifPresent(k -> guesses.add(unknown.size() == 1 ? k : k + " for " + name));
        }
        return guesses.isEmpty() ? "" : " (did you mean " + String.join(", ", guesses) + "?)";
    }

    /** Levenshtein distance, with a swap of two neighbours counted as one edit (the commonest typo). */
    private static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /**
     * @param name the hyperparameter
     * @return its value trimmed, if present and not blank
     */
    public Optional<String> string(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /**
     * @param name the hyperparameter
     * @param defaultValue used when absent
     * @return the value or the default
     */
    public String string(String name, String defaultValue) {
        return string(name).orElse(defaultValue);
    }

    /**
     * @param name the hyperparameter
     * @return its value
     * @throws TrainingException when absent, saying how to set it
     */
    public String required(String name) {
        return string(name).orElseThrow(() -> new TrainingException("hyperparameter " + name
                + " is missing: set it in the job's hyperparameters (every value a string, e.g. \"" + name
                + "\": \"...\")"));
    }

    /**
     * @param name the hyperparameter
     * @param defaultValue used when absent
     * @return the decoded integer
     * @throws TrainingException when the value is not an integer
     */
    public int integer(String name, int defaultValue) {
        return string(name).map(v -> {
            long n = parseLong(name, v);
            if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
                throw malformed(name, v, "an integer between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
            }
            return (int) n;
        }).orElse(defaultValue);
    }

    /**
     * @param name the hyperparameter
     * @param defaultValue used when absent
     * @return the decoded integer
     * @throws TrainingException when the value is not an integer
     */
    public long longInteger(String name, long defaultValue) {
        return string(name).map(v -> parseLong(name, v)).orElse(defaultValue);
    }

    /**
     * @param name the hyperparameter
     * @param defaultValue used when absent
     * @return the decoded number
     * @throws TrainingException when the value is not a finite number
     */
    public double number(String name, double defaultValue) {
        return string(name).map(v -> parseDouble(name, v)).orElse(defaultValue);
    }

    /**
     * @param name the hyperparameter
     * @param defaultValue used when absent
     * @return the decoded boolean; {@code True}/{@code FALSE} are accepted as Python writes them
     * @throws TrainingException when the value is not {@code true} or {@code false}
     */
    public boolean bool(String name, boolean defaultValue) {
        return string(name).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw malformed(name, v, "true or false");
        }).orElse(defaultValue);
    }

    /**
     * @param name the hyperparameter
     * @param defaultValue used when absent
     * @return the decoded list of numbers, possibly empty ({@code []})
     * @throws TrainingException when an element is not a finite number
     */
    public List<Double> numbers(String name, List<Double> defaultValue) {
        Optional<String> raw = string(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        List<Double> out = new ArrayList<>();
        for (String element : elements(name, raw.get())) {
            try {
                out.add(parseDouble(name, element));
            } catch (TrainingException e) {
                throw malformed(name, raw.get(), "a list of finite numbers as [1,2] or 1,2 (\"" + element
                        + "\" is not one)");
            }
        }
        return List.copyOf(out);
    }

    /**
     * @param name the hyperparameter
     * @param defaultValue used when absent
     * @return the list's elements as strings ({@code ["a","b"]}, {@code [a,b]} or {@code a,b}), possibly empty
     * @throws TrainingException when an element is empty
     */
    public List<String> strings(String name, List<String> defaultValue) {
        return string(name).map(v -> elements(name, v)).orElse(defaultValue);
    }

    private static List<String> elements(String name, String raw) {
        if (raw.startsWith("[") != raw.endsWith("]")) {
            throw malformed(name, raw, "a list as [1,2] or 1,2 (the brackets do not pair)");
        }
        String body = raw.startsWith("[") ? raw.substring(1, raw.length() - 1) : raw;
        List<String> out = new ArrayList<>();
        if (body.isBlank()) {
            return out;
        }
        for (String part : body.split(",", -1)) {
            String element = part.trim();
            if (element.length() >= 2 && element.startsWith("\"") && element.endsWith("\"")) {
                element = element.substring(1, element.length() - 1).trim();
            }
            if (element.isEmpty()) {
                throw malformed(name, raw, "a list as [1,2] or 1,2 without empty elements");
            }
            out.add(element);
        }
        return List.copyOf(out);
    }

    private static long parseLong(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw malformed(name, value, "an integer");
        }
    }

    private static double parseDouble(String name, String value) {
        try {
            double d = Double.parseDouble(value);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below with the expected form
        }
        throw malformed(name, value, "a finite number");
    }

    private static TrainingException malformed(String name, String value, String expected) {
        return new TrainingException("hyperparameter " + name + "=\"" + value + "\" is malformed: expected "
                + expected + "; fix the value of " + name + " in the job's hyperparameters");
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Hyperparameters h && h.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
