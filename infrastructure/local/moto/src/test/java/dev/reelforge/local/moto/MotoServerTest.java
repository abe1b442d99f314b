package dev.reelforge.local.moto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MotoServerTest {
    @TempDir
    Path dir;

    @Test
    void start_servesOnLoopbackAndClose_killsProcessTree() {
        PythonInterpreter python = PythonInterpreter.locate(Path.of(System.getProperty("user.home")));
        MotoServer moto = MotoServer.start(
                new MotoVenv(MotoVenv.defaultCacheDir(), python).ensurePython(), dir.resolve("moto.log"));
        List<ProcessHandle> tree = moto.isAlive()
                ? ProcessHandle.of(moto.pid())
                        .map(p -> Stream.concat(Stream.of(p), p.descendants()).toList())
                        .orElseThrow()
                : List.of();

        assertThat(moto.endpoint().getHost()).isEqualTo("127.0.0.1");
        assertThat(tree).isNotEmpty();

        moto.close();

        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        assertThat(ProcessHandle.of(moto.pid()).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
    }

    @Test
    void requirements_pinEveryPackage() {
        assertThat(MotoVenv.requirementLines())
                .isNotEmpty()
                .allMatch(line -> line.matches("[A-Za-z0-9_.\\-]+(\\[[a-z,]+])?==[^=]+"), "pinned with ==")
                .anyMatch(line -> line.equals("moto[server]==5.2.5"));
    }

    @Test
    void locate_findsSupportedPython() {
        PythonInterpreter python = PythonInterpreter.locate(Path.of(System.getProperty("user.home")));

        assertThat(python.isSupported()).isTrue();
        assertThat(python.executable()).isAbsolute();
    }
}
