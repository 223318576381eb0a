package dev.drydock.examples.houseprices;

import dev.drydock.core.TrainedModel;

import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What the house-prices job produced.
 *
 * @param model        the extracted model and the job's final description
 * @param submission   the Kaggle submission written from {@code test.csv}
 * @param predictions  how many houses were predicted
 * @param cvRmsle      the best cross-validated RMSLE, if the trainer reported it
 * @param holdoutRmsle the hold-out RMSLE, if reported
 * @param bestParams   the best hyperparameters found
 * @param report       the tuning report page, or {@code null} when the job wrote none
 */
public record HousePricesResult(TrainedModel model, Path submission, int predictions, OptionalDouble cvRmsle,
                                OptionalDouble holdoutRmsle, Map<String, String> bestParams, Path report) {
}
