package dev.drydock.trainer.tuning;

/**
 * One scored configuration.
 *
 * @param number the trial's number, from 1, in a fixed (seed-determined) order
 * @param params the configuration, {@code n_estimators} being the round count scored
 * @param cvRmsle the mean validation RMSLE over the folds
 * @param rung the halving rung (0 for grid and random)
 * @param seconds the wall time of the fit that scored it (shared by trials scored from one fit)
 * @param elapsedSeconds the seconds since tuning began when it was scored
 */
public record Trial(int number, ParamSet params, double cvRmsle, int rung, double seconds, double elapsedSeconds) {
}
