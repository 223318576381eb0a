package dev.drydock.trainer.testing;

import java.util.Locale;
import java.util.Random;

/** A small, seeded, house-like CSV: a price driven by area, quality and neighbourhood, with missing values. */
public final class SyntheticHouses {
    private static final String[] QUALITY = {"Po", "Fa", "TA", "Gd", "Ex"};
    private static final String[] HOOD = {"North", "South", "East", "West"};

    private SyntheticHouses() {
    }

    /**
     * @param rows how many houses
     * @param seed the seed
     * @param withPrice whether to include the SalePrice column
     * @return CSV text with a header
     */
    public static String csv(int rows, long seed, boolean withPrice) {
        Random random = new Random(seed);
        StringBuilder sb = new StringBuilder("Id,Area,Quality,Hood,Pool" + (withPrice ? ",SalePrice" : "") + "\n");
        for (int i = 1; i <= rows; i++) {
            int area = 500 + random.nextInt(3000);
            int q = random.nextInt(QUALITY.length);
            int h = random.nextInt(HOOD.length);
            String pool = random.nextInt(10) == 0 ? "Gd" : "NA";
            String areaText = random.nextInt(20) == 0 ? "NA" : Integer.toString(area);
            double price = 20000 + area * 60.0 * (1 + 0.15 * q) * (1 + 0.1 * h) * Math.exp(random.nextGaussian() * 0.05);
            sb.append(i).append(',').append(areaText).append(',').append(QUALITY[q]).append(',').append(HOOD[h])
                    .append(',').append(pool);
            if (withPrice) {
                sb.append(',').append(String.format(Locale.ROOT, "%.0f", price));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
