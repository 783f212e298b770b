package io.detectorstudio.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;

/**
 * {@link EngineBenchmark}'s methods timed by the CPU time of the calling thread instead of the wall clock: on a
 * shared machine the scheduler's share moves JMH's scores by ±30 % from run to run, while the CPU time a message
 * takes moves much less (it still feels other processes through the shared caches). Not a replacement for JMH —
 * a second view of the same code, each method run {@code rounds} times over the 2^20 messages, the first third
 * discarded as warm-up.
 *
 * <pre>java -Xms2g -Xmx2g -cp benchmarks/target/benchmarks.jar io.detectorstudio.benchmarks.CpuPerMessage \
 *     enginePrepared,handWrittenParsed,engineFromJson,handWrittenFromJson 18</pre>
 */
public final class CpuPerMessage {

    private CpuPerMessage() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: CpuPerMessage <EngineBenchmark methods, comma-separated> <rounds>");
            System.exit(2);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        EngineBenchmark benchmark = new EngineBenchmark();
        benchmark.setUp();
        int rounds = Integer.parseInt(args[1]);
        for (String name : args[0].split(",")) {
            Method method = EngineBenchmark.class.getMethod(name);
            double best = Double.MAX_VALUE;
            double sum = 0;
            int counted = 0;
            for (int r = 0; r < rounds; r++) {
                long before = threads.getCurrentThreadCpuTime();
                method.invoke(benchmark);
                double nanosPerMessage = (threads.getCurrentThreadCpuTime() - before) / (double) MotorFleet.MESSAGES;
                if (r >= rounds / 3) {
                    best = Math.min(best, nanosPerMessage);
                    sum += nanosPerMessage;
                    counted++;
                }
            }
            System.out.printf("%-22s CPU ns per message: best %7.1f, mean %7.1f%n", name, best, sum / counted);
        }
    }
}
