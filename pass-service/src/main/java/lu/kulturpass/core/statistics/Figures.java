package lu.kulturpass.core.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;

/** Runs the read model's queries: native SQL with positional parameters, rows as arrays. */
@ApplicationScoped
public class Figures {

    private final EntityManager db;

    public Figures(EntityManager db) {
        this.db = db;
    }

    @SuppressWarnings("unchecked")
    public List<Object[]> rows(String sql, Object... parameters) {
        var query = db.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        List<?> result = query.getResultList();
        return result.stream().map(row -> row instanceof Object[] array ? array : new Object[] {row}).toList();
    }

    public long number(String sql, Object... parameters) {
        Object value = rows(sql, parameters).get(0)[0];
        return value == null ? 0 : ((Number) value).longValue();
    }

    static long asLong(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
