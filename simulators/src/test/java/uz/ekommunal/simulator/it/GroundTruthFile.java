package uz.ekommunal.simulator.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Rows of a ground-truth CSV, for comparing what a peer received with what the meters showed. */
record GroundTruthFile(List<Row> rows) {

    record Row(String serial, String register, long timestamp, String value, String note) {
    }

    static GroundTruthFile read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return new GroundTruthFile(lines.subList(1, lines.size()).stream().map(line -> {
            String[] f = line.split(",", -1);
            return new Row(f[0], f[1], Long.parseLong(f[2]), f[3], f[4]);
        }).toList());
    }

    Row find(String serial, String register, long timestamp) {
        return rows.stream()
                .filter(r -> r.serial().equals(serial) && r.register().equals(register) && r.timestamp() == timestamp)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ground truth for " + serial + " " + register + " at " + timestamp));
    }

    Row last(String serial, String register) {
        return rows.stream()
                .filter(r -> r.serial().equals(serial) && r.register().equals(register))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no ground truth for " + serial + " " + register));
    }
}
