package dev.drydock.trainer.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FoldsTest {
    @Test
    void split_whenRowsNotDivisible_foldSizesDifferByAtMostOne() {
        Folds folds = Folds.split(23, 5, 1);

        int[] sizes = IntStream.range(0, 5).map(f -> folds.validation(f).length).toArray();
        assertThat(sizes).containsExactlyInAnyOrder(5, 5, 5, 4, 4);
    }

    @Test
    void split_whenEveryFold_trainingAndValidationPartitionRows() {
        Folds folds = Folds.split(50, 5, 3);

        for (int f = 0; f < 5; f++) {
            int[] all = IntStream.concat(Arrays.stream(folds.training(f)), Arrays.stream(folds.validation(f))).sorted().toArray();
            assertThat(all).containsExactly(IntStream.range(0, 50).toArray());
        }
        int[] validated = IntStream.range(0, 5).flatMap(f -> Arrays.stream(folds.validation(f))).sorted().toArray();
        assertThat(validated).containsExactly(IntStream.range(0, 50).toArray());
    }

    @Test
    void split_whenSameSeed_isReproducible() {
        assertThat(Folds.split(100, 5, 42).validation(2)).containsExactly(Folds.split(100, 5, 42).validation(2));
        assertThat(Folds.split(100, 5, 42).validation(2)).isNotEqualTo(Folds.split(100, 5, 43).validation(2));
    }

    @Test
    void split_whenOneFold_throws() {
        assertThatThrownBy(() -> Folds.split(10, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
