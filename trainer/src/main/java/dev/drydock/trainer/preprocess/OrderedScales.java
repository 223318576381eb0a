package dev.drydock.trainer.preprocess;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ordered level scales that are common in tabular data (those of the house data's description among them). A
 * categorical column whose levels all belong to one scale is encoded by rank rather than one-hot.
 */
final class OrderedScales {
    /** Lowest first. The first scale that holds all of a column's levels wins. */
    private static final List<List<String>> SCALES = List.of(
            List.of("Po", "Fa", "TA", "Gd", "Ex"),                        // quality and condition
            List.of("No", "Mn", "Av", "Gd"),                              // basement exposure
            List.of("Unf", "LwQ", "Rec", "BLQ", "ALQ", "GLQ"),            // basement finish type
            List.of("Unf", "RFn", "Fin"),                                 // garage finish
            List.of("Sal", "Sev", "Maj2", "Maj1", "Mod", "Min2", "Min1", "Typ"), // home functionality
            List.of("N", "P", "Y"),                                       // paved drive, central air
            List.of("IR3", "IR2", "IR1", "Reg"),                          // lot shape
            List.of("Sev", "Mod", "Gtl"));                                // land slope

    private OrderedScales() {
    }

    /**
     * @param levels a column's non-missing levels
     * @return rank by level (from 1) of the first scale that holds every level, if any, when there are at least two
     */
    static Optional<Map<String, Integer>> ranksFor(Set<String> levels) {
        if (levels.size() < 2) {
            return Optional.empty();
        }
        for (List<String> scale : SCALES) {
            if (new HashSet<>(scale).containsAll(levels)) {
                Map<String, Integer> ranks = new HashMap<>();
                for (int i = 0; i < scale.size(); i++) {
                    ranks.put(scale.get(i), i + 1);
                }
                return Optional.of(ranks);
            }
        }
        return Optional.empty();
    }
}
