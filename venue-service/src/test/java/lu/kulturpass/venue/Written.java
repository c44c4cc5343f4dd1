package lu.kulturpass.venue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import lu.kulturpass.testing.KafkaTopics;
import java.util.Arrays;
import lu.kulturpass.venue.admission.Admissions;
import lu.kulturpass.venue.performance.Performance;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What venue-service wrote, read from its database and its topics: a refused request must have written nothing. */
final class Written {

    private Written() {
    }

    /** The admissions and refusals recorded under these nonces, at any venue. */
    static long admissionsWithNonces(String... nonces) {
        return QuarkusTransaction.requiringNew().call(() -> Arrays.stream(nonces).mapToLong(nonce -> Admissions.where("nonce = ?", nonce).size()).sum());
    }

    /** The admissions and refusals recorded for a venue. */
    static long admissionsAt(String venueId) {
        return QuarkusTransaction.requiringNew().call(() -> (long) Admissions.where("venue_id = ?", venueId).size());
    }

    static long performancesAt(String venueId) {
        return QuarkusTransaction.requiringNew().call(() -> Performance.count("venueId", venueId));
    }

    static int placesUsed(String performanceId) {
        return QuarkusTransaction.requiringNew().call(() -> Performance.<Performance>findById(UUID.fromString(performanceId)).placesUsed);
    }

    /**
     * Every admission event of a pass, up to the one announcing this admission. Events of a pass share its key, hence a
     * partition, in the order the outbox relayed them: an event written before that admission's would be among them.
     */
    static List<ConsumerRecord<String, String>> admissionEventsOfPass(long passId, String admissionId) {
        String key = String.valueOf(passId);
        return KafkaTopics.onTestBroker().readUntil("kulturpass.admissions",
                        record -> key.equals(record.key()) && record.value().contains(admissionId), Duration.ofSeconds(20))
                .stream().filter(record -> key.equals(record.key())).toList();
    }
}
