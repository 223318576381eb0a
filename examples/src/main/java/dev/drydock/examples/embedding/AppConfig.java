package dev.drydock.examples.embedding;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * An application's own configuration, as it might come from a properties file: which backend to train on and
 * where its data is. Only {@code backend} decides between local and AWS; no code changes.
 *
 * @param backend   {@code local} or {@code sagemaker}
 * @param home      local folder for jobs, storage and models
 * @param trainCsv  the training data
 * @param bucket    S3 bucket (sagemaker)
 * @param roleArn   SageMaker execution role (sagemaker)
 * @param region    AWS region (sagemaker), or {@code null} for the default chain
 */
public record AppConfig(String backend, Path home, Path trainCsv, String bucket, String roleArn, String region) {

    /** Reads {@code drydock.backend}, {@code drydock.home}, {@code app.train-csv}, {@code aws.bucket}, {@code aws.role-arn}, {@code aws.region}. */
    public static AppConfig from(Properties p) {
        return new AppConfig(p.getProperty("drydock.backend", "local").toLowerCase(Locale.ROOT),
                Path.of(p.getProperty("drydock.home", "drydock-out/embedding")).toAbsolutePath(),
                Path.of(p.getProperty("app.train-csv", "drydock-out/data/train.csv")).toAbsolutePath(),
                p.getProperty("aws.bucket"), p.getProperty("aws.role-arn"), p.getProperty("aws.region"));
    }

    /** Whether the application trains on SageMaker. */
    public boolean onSageMaker() {
        return backend.equals("sagemaker");
    }
}
