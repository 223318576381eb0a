package dev.drydock.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.contract.TrainingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTablesTest {
    @TempDir
    Path dir;

    @Test
    void read_whenQuotedFields_keepsCommasInside() throws IOException {
        Path file = Files.writeString(dir.resolve("a.csv"), "Id,Name\n1,\"a, b\"\n2,c\n");

        Table table = CsvTables.read(file);

        assertThat(table.header()).containsExactly("Id", "Name");
        assertThat(table.column("Name")).containsExactly("a, b", "c");
    }

    @Test
    void read_whenEmpty_throwsSayingEmpty() throws IOException {
        Path file = Files.writeString(dir.resolve("a.csv"), "");

        assertThatThrownBy(() -> CsvTables.read(file)).isInstanceOf(TrainingException.class).hasMessageContaining("is empty");
    }

    @Test
    void read_whenHeaderOnly_throwsSayingNoRows() throws IOException {
        Path file = Files.writeString(dir.resolve("a.csv"), "Id,SalePrice\n");

        assertThatThrownBy(() -> CsvTables.read(file)).isInstanceOf(TrainingException.class)
                .hasMessageContaining("has a header but no data rows");
    }

    @Test
    void read_whenAFieldIsLongerThanTheReaderTakes_throwsNamingTheLineAndTheLimit() throws IOException {
        Path file = Files.writeString(dir.resolve("a.csv"), "Id,LotArea\n1,2\n2,\"" + "9".repeat(17 << 20) + "\n");

        assertThatThrownBy(() -> CsvTables.read(file)).isInstanceOf(TrainingException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("line 3")
                .hasMessageContaining("longer than 16 MiB").hasMessageContaining("never closed");
    }

    @Test
    void read_whenRowTooShort_throwsNamingLine() throws IOException {
        Path file = Files.writeString(dir.resolve("a.csv"), "a,b\n1,2\n3\n");

        assertThatThrownBy(() -> CsvTables.read(file)).isInstanceOf(TrainingException.class).hasMessageContaining("line 3");
    }

    @Test
    void readFolder_whenSeveralFiles_concatenatesInNameOrder() throws IOException {
        Files.writeString(dir.resolve("b.csv"), "x\n2\n");
        Files.writeString(dir.resolve("a.csv"), "x\n1\n");

        assertThat(CsvTables.readFolder(dir).column("x")).containsExactly("1", "2");
    }

    @Test
    void readFolder_whenNoCsv_throws() {
        assertThatThrownBy(() -> CsvTables.readFolder(dir)).isInstanceOf(TrainingException.class)
                .hasMessageContaining("no .csv file");
    }
}
