package dev.drydock.trainer.testing;

import java.util.Locale;
import java.util.Random;

/**
 * Small, seeded classification CSVs with a known signal and string labels, for end-to-end tests of the classifiers.
 *
 * <ul>
 * <li>{@link #binary}: {@code Churn} is {@code yes} when {@code 1.5 * Usage - Tenure / 20 + (Plan == basic ? 0.8 : 0)
 *     + noise} exceeds 0.6 (about a third of the rows: an imbalanced target), {@code no} otherwise.</li>
 * <li>{@link #multiclass}: {@code Species} is the one of {@code setosa, versicolor, virginica} nearest to the flower's
 *     petal length plus noise; sepal width is pure noise.</li>
 * </ul>
 */
public final class SyntheticClasses {
    private static final String[] PLANS = {"basic", "plus", "pro"};
    private static final String[] SPECIES = {"setosa", "versicolor", "virginica"};

    private SyntheticClasses() {
    }

    /**
     * @param rows how many customers
     * @param seed the seed
     * @return CSV text with the header {@code Id,Usage,Tenure,Plan,Churn}
     */
    public static String binary(int rows, long seed) {
        Random random = new Random(seed);
        StringBuilder sb = new StringBuilder("Id,Usage,Tenure,Plan,Churn\n");
        for (int i = 1; i <= rows; i++) {
            double usage = random.nextDouble();
            int tenure = random.nextInt(40);
            int plan = random.nextInt(PLANS.length);
            double signal = 1.5 * usage - tenure / 20.0 + (plan == 0 ? 0.8 : 0) + random.nextGaussian() * 0.3;
            String usageText = random.nextInt(25) == 0 ? "NA" : String.format(Locale.ROOT, "%.3f", usage);
            sb.append(i).append(',').append(usageText).append(',').append(tenure).append(',').append(PLANS[plan])
                    .append(',').append(signal > 0.6 ? "yes" : "no").append('\n');
        }
        return sb.toString();
    }

    /**
     * @param rows how many flowers
     * @param seed the seed
     * @return CSV text with the header {@code Id,PetalLength,SepalWidth,Species}
     */
    public static String multiclass(int rows, long seed) {
        Random random = new Random(seed);
        StringBuilder sb = new StringBuilder("Id,PetalLength,SepalWidth,Species\n");
        for (int i = 1; i <= rows; i++) {
            int species = random.nextInt(SPECIES.length);
            double petal = 1.5 + 2.0 * species + random.nextGaussian() * 0.6;
            double sepal = 3 + random.nextGaussian() * 0.4;
            sb.append(i).append(',').append(String.format(Locale.ROOT, "%.2f", petal)).append(',')
                    .append(String.format(Locale.ROOT, "%.2f", sepal)).append(',').append(SPECIES[species]).append('\n');
        }
        return sb.toString();
    }
}
