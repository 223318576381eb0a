package dev.drydock.trainer.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.trainer.tuning.Folds;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RowShareTest {
    @Test
    void of_whenRowsDoNotDivide_everyRowBelongsToExactlyOneHostAndSharesDifferByAtMostOne() {
        for (int hosts = 1; hosts <= 4; hosts++) {
            List<Integer> seen = new ArrayList<>();
            int min = Integer.MAX_VALUE;
            int max = 0;
            for (int rank = 0; rank < hosts; rank++) {
                int[] rows = RowShare.of(103, rank, hosts);
                IntStream.of(rows).forEach(seen::add);
                min = Math.min(min, rows.length);
                max = Math.max(max, rows.length);
                assertThat(rows).isSorted();
            }
            assertThat(seen).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 103).boxed().toList());
            assertThat(max - min).isLessThanOrEqualTo(1);
        }
        assertThat(RowShare.of(7, 1, 3)).containsExactly(1, 4);
    }

    @Test
    void consecutive_numbersHostsRowsOneAfterTheOther() {
        assertThat(RowShare.consecutive(new int[] {3, 2, 4}, 0)).containsExactly(0, 1, 2);
        assertThat(RowShare.consecutive(new int[] {3, 2, 4}, 2)).containsExactly(5, 6, 7, 8);
    }

    @Test
    void folds_whenSharedByRank_eachFoldOverEveryHostIsTheOneHostFold() {
        Folds oneHost = Folds.split(103, 5, 7);
        for (int fold = 0; fold < 5; fold++) {
            List<Integer> union = new ArrayList<>();
            for (int rank = 0; rank < 3; rank++) {
                int[] mine = RowShare.of(103, rank, 3);
                Folds share = oneHost.subset(mine);
                for (int local : share.validation(fold)) {
                    union.add(mine[local]);
                }
            }
            assertThat(union).containsExactlyInAnyOrderElementsOf(IntStream.of(oneHost.validation(fold)).boxed().toList());
        }
    }
}
