package uz.ekommunal.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ArrivalOrderAcksTest {

    private final List<Integer> sent = Collections.synchronizedList(new ArrayList<>());
    private final ArrivalOrderAcks acks = new ArrivalOrderAcks((id, qos) -> sent.add(id));

    @Test
    void aMessageDurableEarlyWaitsForTheOlderOnes() {
        List<ArrivalOrderAcks.Arrival> arrivals = IntStream.rangeClosed(1, 5).mapToObj(id -> acks.arrived(id, 1)).toList();

        acks.finished(arrivals.get(4), true);
        acks.finished(arrivals.get(2), true);
        acks.finished(arrivals.get(1), true);
        assertThat(sent).isEmpty();
        assertThat(acks.waiting()).isEqualTo(5);

        acks.finished(arrivals.get(0), true);
        assertThat(sent).containsExactly(1, 2, 3);
        acks.finished(arrivals.get(3), true);
        assertThat(sent).containsExactly(1, 2, 3, 4, 5);
        assertThat(acks.waiting()).isZero();
    }

    @Test
    void aFailedMessageIsNeverAcknowledgedAndHoldsNoLaterOneBack() {
        ArrivalOrderAcks.Arrival first = acks.arrived(1, 1);
        ArrivalOrderAcks.Arrival second = acks.arrived(2, 1);
        ArrivalOrderAcks.Arrival third = acks.arrived(3, 1);

        acks.finished(second, true);
        acks.finished(first, false);
        assertThat(sent).containsExactly(2);
        acks.finished(third, true);
        assertThat(sent).containsExactly(2, 3);
        assertThat(acks.waiting()).isZero();
    }

    /** As the subscriber uses it: two writers finish in their own order, one thread acknowledges. */
    @Test
    void writersFinishingInAnyOrderStillAcknowledgeInArrivalOrder() throws Exception {
        int messages = 20_000;
        ExecutorService acknowledger = Executors.newSingleThreadExecutor();
        ExecutorService writers = Executors.newFixedThreadPool(2);
        CountDownLatch allFinished = new CountDownLatch(messages);
        try {
            List<CompletableFuture<Void>> durable = new ArrayList<>();
            for (int id = 1; id <= messages; id++) {
                CompletableFuture<Void> written = new CompletableFuture<>();
                ArrivalOrderAcks.Arrival arrival = acks.arrived(id, 1);
                written.whenCompleteAsync((ok, error) -> {
                    acks.finished(arrival, true);
                    allFinished.countDown();
                }, acknowledger);
                durable.add(written);
            }
            List<CompletableFuture<Void>> shuffled = new ArrayList<>(durable);
            Collections.shuffle(shuffled, new Random(22));
            int half = messages / 2;
            writers.submit(() -> shuffled.subList(0, half).forEach(f -> f.complete(null)));
            writers.submit(() -> shuffled.subList(half, messages).forEach(f -> f.complete(null)));

            assertThat(allFinished.await(30, TimeUnit.SECONDS)).isTrue();
            acknowledger.submit(() -> { }).get(30, TimeUnit.SECONDS); // the last acknowledgements are sent
            assertThat(sent).containsExactlyElementsOf(IntStream.rangeClosed(1, messages).boxed().toList());
        } finally {
            writers.shutdownNow();
            acknowledger.shutdownNow();
        }
    }
}
