package lu.kulturpass.core.privacy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.util.List;

/** Looks for a text in every row of every table of this service's database, as PostgreSQL prints the row. */
final class PassTables {

    private PassTables() {
    }

    /** The tables (of schema public) with a row whose text holds {@code text}. */
    @SuppressWarnings("unchecked")
    static List<String> holding(EntityManager db, String text) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> tables = db.createNativeQuery("""
                    select table_name from information_schema.tables
                     where table_schema = 'public' and table_type = 'BASE TABLE' order by 1""").getResultList();
            return tables.stream().filter(table -> ((Number) db.createNativeQuery(
                            "select count(*) from \"" + table + "\" t where strpos(t::text, ?1) > 0")
                    .setParameter(1, text).getSingleResult()).longValue() > 0).toList();
        });
    }
}
