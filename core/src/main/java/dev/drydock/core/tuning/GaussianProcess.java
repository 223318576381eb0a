package dev.drydock.core.tuning;

import java.util.List;

/**
 * A Gaussian process regression over points of the unit cube with a Matérn 5/2 kernel, its length scale chosen from a
 * few candidates by marginal likelihood. Small (a tuning job has at most 500 trials), exact, and dependency-free:
 * core takes no libraries, and no maintained JVM library offers this without bringing many.
 */
final class GaussianProcess {
    private static final double[] LENGTH_SCALES = {0.05, 0.1, 0.2, 0.35, 0.6, 1.0};
    /** Noise on the standardised targets: trials of the same hyperparameters rarely give the very same objective. */
    private static final double NOISE = 1e-3;

    private final SearchSpace space;
    private final double[][] x;
    private final double mean;
    private final double scale;
    private final double lengthScale;
    private final double[][] cholesky;
    private final double[] alpha;

    GaussianProcess(SearchSpace space, List<double[]> points, List<Double> values) {
        this.space = space;
        this.x = points.toArray(new double[0][]);
        int n = x.length;
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        mean = sum / n;
        double sq = 0;
        for (double v : values) {
            sq += (v - mean) * (v - mean);
        }
        scale = n > 1 && sq > 0 ? Math.sqrt(sq / (n - 1)) : 1;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = (values.get(i) - mean) / scale;
        }
        double bestLikelihood = Double.NEGATIVE_INFINITY;
        double chosen = LENGTH_SCALES[2];
        double[][] chosenL = null;
        double[] chosenAlpha = null;
        for (double l : LENGTH_SCALES) {
            double[][] factor = choleskyOf(covariance(l));
            if (factor == null) {
                continue;
            }
            double[] a = solve(factor, y);
            double likelihood = 0;
            for (int i = 0; i < n; i++) {
                likelihood -= 0.5 * y[i] * a[i] + Math.log(factor[i][i]);
            }
            if (likelihood > bestLikelihood) {
                bestLikelihood = likelihood;
                chosen = l;
                chosenL = factor;
                chosenAlpha = a;
            }
        }
        if (chosenL == null) {
            throw new IllegalStateException("no length scale gave a positive definite covariance");
        }
        lengthScale = chosen;
        cholesky = chosenL;
        alpha = chosenAlpha;
    }

    /** The predicted mean and standard deviation at {@code u}, in the targets' units. */
    double[] predict(double[] u) {
        int n = x.length;
        double[] k = new double[n];
        for (int i = 0; i < n; i++) {
            k[i] = kernel(distance(u, x[i]), lengthScale);
        }
        double mu = 0;
        for (int i = 0; i < n; i++) {
            mu += k[i] * alpha[i];
        }
        double[] v = forward(cholesky, k);
        double var = 1 + NOISE;
        for (double vi : v) {
            var -= vi * vi;
        }
        return new double[]{mean + scale * mu, scale * Math.sqrt(Math.max(var, 1e-12))};
    }

    /** The expected improvement below {@code best} at {@code u} (for a loss: smaller is better). */
    double expectedImprovement(double[] u, double best) {
        double[] p = predict(u);
        double sigma = p[1];
        double gain = best - p[0] - 0.01 * scale;
        double z = gain / sigma;
        return gain * cdf(z) + sigma * Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    }

    private double[][] covariance(double l) {
        int n = x.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = kernel(distance(x[i], x[j]), l) + (i == j ? NOISE : 0);
                c[i][j] = v;
                c[j][i] = v;
            }
        }
        return c;
    }

    private double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = space.isCategorical(i) ? (Math.abs(a[i] - b[i]) < 1e-9 ? 0 : 1) : a[i] - b[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    private static double kernel(double r, double l) {
        double s = Math.sqrt(5) * r / l;
        return (1 + s + s * s / 3) * Math.exp(-s);
    }

    private static double[][] choleskyOf(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (sum <= 0) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        return l;
    }

    private static double[] forward(double[][] l, double[] b) {
        int n = b.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i][k] * y[k];
            }
            y[i] = sum / l[i][i];
        }
        return y;
    }

    private static double[] solve(double[][] l, double[] b) {
        double[] y = forward(l, b);
        int n = b.length;
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = y[i];
            for (int k = i + 1; k < n; k++) {
                sum -= l[k][i] * x[k];
            }
            x[i] = sum / l[i][i];
        }
        return x;
    }

    /** The standard normal CDF, from erf by Abramowitz and Stegun 7.1.26 (error below 1.5e-7). */
    static double cdf(double z) {
        double t = 1 / (1 + 0.3275911 * Math.abs(z) / Math.sqrt(2));
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        double erf = 1 - poly * Math.exp(-z * z / 2);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
