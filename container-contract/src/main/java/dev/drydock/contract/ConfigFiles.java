package dev.drydock.contract;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads and writes the JSON config files, with errors that name the file, the field and the fix. */
final class ConfigFiles {
    private ConfigFiles() {
    }

    /** The JSON object in {@code file}; a {@link TrainingException} names the file when it is not one. */
    static Map<String, Object> readObject(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TrainingException("cannot read " + file + ": " + e, e);
        }
        Object value;
        try {
            value = Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new TrainingException(file + " is not valid JSON: " + e.getMessage(), e);
        }
        return asObject(value, file.toString());
    }

    /**
     * Writes {@code value} as JSON through a temporary file in the same folder, so that a reader never sees half
     * a file.
     */
    static void write(Path file, Object value) {
        OptMl.createDirectories(file.toAbsolutePath().getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            Files.writeString(partial, Json.write(value) + "\n", StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new TrainingException("cannot write " + file + ": " + e + "; check that its folder is writable", e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asObject(Object value, String where) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new TrainingException(where + " must be a JSON object {...}, found " + describe(value));
    }

    /** A string field; absent or null gives {@code null}; a number or boolean is taken for its text. */
    static String text(Map<String, Object> object, String field, String where) {
        Object value = object.get(field);
        if (value == null) {
            return null;
        }
        if (value instanceof String || value instanceof BigDecimal || value instanceof Boolean) {
            return value.toString();
        }
        throw new TrainingException(where + ": \"" + field + "\" must be a string, found " + describe(value));
    }

    /** A required string field. */
    static String requiredText(Map<String, Object> object, String field, String where) {
        String value = text(object, field, where);
        if (value == null || value.isBlank()) {
            throw new TrainingException(where + ": \"" + field + "\" is missing; the platform always sets it"
                    + " (write it as a string)");
        }
        return value;
    }

    /** An array of strings; absent gives an empty list. */
    static List<String> texts(Map<String, Object> object, String field, String where) {
        Object value = object.get(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            throw new TrainingException(where + ": \"" + field + "\" must be an array of strings such as"
                    + " [\"algo-1\"], found " + describe(value));
        }
        List<String> out = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof String s)) {
                throw new TrainingException(where + ": \"" + field + "\" must hold strings only, found "
                        + describe(item));
            }
            out.add(s);
        }
        return out;
    }

    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        if (value instanceof String s) {
            return "the string \"" + s + "\"";
        }
        return value instanceof Boolean ? "the boolean " + value : "the number " + value;
    }
}
