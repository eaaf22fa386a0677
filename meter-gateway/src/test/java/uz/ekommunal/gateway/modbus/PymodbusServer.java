package uz.ekommunal.gateway.modbus;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A pymodbus (Debian python3-pymodbus) TCP server holding an SDM630 input-register image, on a
 * port it picks and prints. The data block is built with {@code zero_mode=True}: without it
 * pymodbus numbers registers from 1 and a read of 0x0048 would answer 0x0049's word.
 */
final class PymodbusServer implements AutoCloseable {

    private static final String SCRIPT = """
            import asyncio, struct, sys
            from pymodbus.datastore import ModbusSequentialDataBlock, ModbusSlaveContext, ModbusServerContext
            from pymodbus.server.async_io import ModbusTcpServer
            energy = float(sys.argv[1])
            words = [0] * 0x158
            for offset, value in ((0x48, energy), (0x4A, 0.0), (0x156, energy)):
                words[offset], words[offset + 1] = struct.unpack('>HH', struct.pack('>f', value))
            slave = ModbusSlaveContext(ir=ModbusSequentialDataBlock(0, words), zero_mode=True)
            context = ModbusServerContext(slaves=slave, single=True)
            async def main():
                server = ModbusTcpServer(context, address=("127.0.0.1", 0))
                task = asyncio.create_task(server.serve_forever())
                await server.serving
                print("port", server.server.sockets[0].getsockname()[1], flush=True)
                await task
            asyncio.run(main())
            """;

    private final Process process;
    private final int port;

    private PymodbusServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the server with this import energy (kWh) and waits until it listens. */
    static PymodbusServer start(float importKwh) throws Exception {
        // The Debian package installs into the system interpreter, which a pyenv shim on PATH may hide.
        String python = "/usr/bin/python3";
        if (!Files.isExecutable(Path.of(python))) {
            throw new AssertionError(python + " is missing: install Debian's python3-pymodbus (.ci/run does)");
        }
        Process process = new ProcessBuilder(python, "-c", SCRIPT, Float.toString(importKwh))
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) { // ends when the server listens or the process dies
            if (line.startsWith("port ")) {
                Thread drain = new Thread(() -> out.lines().forEach(ignored -> { }), "pymodbus-output");
                drain.setDaemon(true); // keeps the pipe from filling up and stalling the server
                drain.start();
                return new PymodbusServer(process, Integer.parseInt(line.substring(5).strip()));
            }
            seen.append(line).append('\n');
        }
        process.destroyForcibly();
        throw new AssertionError("pymodbus server did not start:\n" + seen);
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
