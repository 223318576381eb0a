package dev.drydock.core.model;

import dev.drydock.core.error.InvalidInputException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Turns typed hyperparameter values into the strings a container receives in {@code hyperparameters.json}
 * (SageMaker passes every value as a string), and reads them back.
 *
 * <p>Encoding: integers as decimal digits; floating-point numbers in plain notation, never exponent notation, with
 * {@code .0} kept on whole numbers ({@code 0.0001}, {@code 1.0}); booleans as {@code true}/{@code false}; lists
 * as a JSON array ({@code [3,4,5]}, {@code ["a","b"]}); anything else by {@code toString()}.
 */
public final class HyperparameterCodec {
    private HyperparameterCodec() {
    }

    /** The string the container receives for {@code value}. */
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

    /** Reads an integer, naming the hyperparameter in the error. */
    public static long decodeLong(String name, String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw InvalidInputException.of("hyperparameters." + name, text, "must be a whole number");
        }
    }

    /** Reads a number, naming the hyperparameter in the error. */
    public static double decodeDouble(String name, String text) {
        try {
            double d = Double.parseDouble(text.trim());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // reported below
        }
        throw InvalidInputException.of("hyperparameters." + name, text, "must be a finite number");
    }

    /** Reads {@code true}/{@code false} in any case (Python's {@code str(True)} is {@code True}). */
    public static boolean decodeBoolean(String name, String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("true")) {
            return true;
        }
        if (t.equals("false")) {
            return false;
        }
        throw InvalidInputException.of("hyperparameters." + name, text, "must be true or false");
    }

    /** Reads a JSON array of scalars ({@code [3,4,5]}) or a comma-separated list ({@code 3,4,5}) as strings. */
    public static List<String> decodeList(String name, String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInputException.of("hyperparameters." + name, text, "must be a list such as [3,4,5] or 3,4,5");
        }
        String t = text.trim();
        if (t.startsWith("[")) {
            if (!t.endsWith("]")) {
                throw InvalidInputException.of("hyperparameters." + name, text, "must be a JSON array closed by ']'");
            }
            t = t.substring(1, t.length() - 1);
        }
        List<String> items = new ArrayList<>();
        if (t.isBlank()) {
            return items;
        }
        for (String part : t.split(",", -1)) {
            String item = part.trim();
            if (item.length() >= 2 && item.startsWith("\"") && item.endsWith("\"")) {
                item = item.substring(1, item.length() - 1);
            }
            if (item.isEmpty()) {
                throw InvalidInputException.of("hyperparameters." + name, text, "must not contain an empty list item");
            }
            items.add(item);
        }
        return items;
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
