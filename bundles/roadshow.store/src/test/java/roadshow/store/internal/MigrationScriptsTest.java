package roadshow.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.flywaydb.core.api.resource.LoadableResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationScriptsTest {

    @TempDir
    Path folder;

    @Test
    void findsScriptsByFileNamePrefixAndSuffix() throws IOException {
        MigrationScripts scripts = new MigrationScripts("db/migration", Map.of(
                "V1__create_course.sql", file("V1__create_course.sql", ""),
                "courses/V2__add_level.sql", file("V2__add_level.sql", ""),
                "R__course_view.sql", file("R__course_view.sql", ""),
                "README.txt", file("README.txt", "")));

        assertThat(scripts.getResources("V", new String[] {".sql"}))
                .extracting(LoadableResource::getRelativePath)
                .containsExactly("V1__create_course.sql", "courses/V2__add_level.sql");
        assertThat(scripts.getResources("R", new String[] {".sql"}))
                .extracting(LoadableResource::getFilename)
                .containsExactly("R__course_view.sql");
    }

    @Test
    void aScriptIsKnownByItsPathInTheBundle() throws IOException {
        MigrationScripts scripts = new MigrationScripts("db/migration", Map.of(
                "courses/V2__add_level.sql", file("V2__add_level.sql", "")));

        LoadableResource script = scripts.getResource("courses/V2__add_level.sql");

        assertThat(script.getAbsolutePath()).isEqualTo("db/migration/courses/V2__add_level.sql");
        assertThat(script.getFilename()).isEqualTo("V2__add_level.sql");
        assertThat(scripts.getResource("courses/V2__add_level.sql.conf")).isNull();
    }

    @Test
    void readsScriptsAsUtf8() throws IOException {
        MigrationScripts scripts = new MigrationScripts("db/migration", Map.of(
                "V1__seed.sql", file("V1__seed.sql", "INSERT INTO course VALUES ('Sécurité réseau');")));

        try (Reader reader = scripts.getResource("V1__seed.sql").read()) {
            char[] buffer = new char[100];
            assertThat(new String(buffer, 0, reader.read(buffer))).isEqualTo("INSERT INTO course VALUES ('Sécurité réseau');");
        }
    }

    @Test
    void theHeaderNamesAFolderWithoutSurroundingSlashes() {
        assertThat(MigrationScripts.folder("db/migration")).isEqualTo("db/migration");
        assertThat(MigrationScripts.folder(" /db/migration/ ")).isEqualTo("db/migration");
    }

    @Test
    void aHeaderWithoutAFolderIsRefused() {
        assertThatThrownBy(() -> MigrationScripts.folder(" / ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bundleEntriesAreKnownByTheirPathBelowTheFolder() {
        assertThat(MigrationScripts.relativePath("db/migration", "db/migration/V1__create_course.sql"))
                .isEqualTo("V1__create_course.sql");
        assertThat(MigrationScripts.relativePath("db/migration", "db/migration/courses/V2__add_level.sql"))
                .isEqualTo("courses/V2__add_level.sql");
    }

    private URL file(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content).toUri().toURL();
    }
}
