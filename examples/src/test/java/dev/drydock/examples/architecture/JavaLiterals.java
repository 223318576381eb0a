package dev.drydock.examples.architecture;

import java.util.ArrayList;
import java.util.List;

/**
 * The string literals of a Java source, with their lines: comments and character literals are skipped, escapes are
 * kept as written, a text block is one literal. Enough for architecture rules about what code spells, not a parser.
 */
final class JavaLiterals {
    /** One literal: its line (from 1) and its text between the quotes. */
    record Literal(int line, String value) {
    }

    private JavaLiterals() {
    }

    static List<Literal> of(String source) {
        List<Literal> out = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (source.startsWith("//", i)) {
                while (i < n && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(source, i, end);
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end;
                out.add(new Literal(line, source.substring(i + 3, end)));
                line += count(source, i, end);
                i = Math.min(n, end + 3);
            } else if (c == '"' || c == '\'') {
                int start = i + 1;
                int j = start;
                while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                if (c == '"') {
                    out.add(new Literal(line, source.substring(start, Math.min(j, n))));
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return out;
    }

    private static int count(String s, int from, int to) {
        int lines = 0;
        for (int k = from; k < to; k++) {
            if (s.charAt(k) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
