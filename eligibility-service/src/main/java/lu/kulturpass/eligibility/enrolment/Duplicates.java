package lu.kulturpass.eligibility.enrolment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import lu.kulturpass.eligibility.beneficiary.Beneficiary;

/**
 * One active pass per person, programme-wide. A person is recognised by their normalised name and
 * birth date ({@code PersonKey}); a member who already holds a pass through another enrolment (of any
 * agency) is flagged "enrolled elsewhere" — the only thing the second agency learns — and gets no
 * second pass. A unique index on the key of pass holders settles two approvals at the same moment.
 * Many members (an imported list) are checked with one query for all their keys.
 */
@ApplicationScoped
public class Duplicates {

    /** Flags the members held elsewhere; true if any is. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean flag(List<Beneficiary> members) {
        Map<String, Set<UUID>> holders = holders(members);
        boolean any = false;
        for (Beneficiary member : members) {
            member.enrolledElsewhere = !member.holdsPass && heldElsewhere(holders, member);
            any |= member.enrolledElsewhere;
        }
        return any;
    }

    /**
     * Claims the one active pass for each member not held elsewhere (flagging the others); the
     * database's unique index refuses a claim another transaction made first.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Beneficiary> claim(List<Beneficiary> members) {
        List<Beneficiary> claimed = claimAll(List.of(members)).get(0);
        Beneficiary.flush();
        return claimed;
    }

    /**
     * {@link #claim(List)} for many households at once (one query for every member's key), in order;
     * a person listed twice is claimed for the first household only. The caller flushes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<List<Beneficiary>> claimAll(List<List<Beneficiary>> households) {
        Map<String, Set<UUID>> holders = holders(households.stream().flatMap(List::stream).toList());
        List<List<Beneficiary>> claims = new ArrayList<>(households.size());
        for (List<Beneficiary> members : households) {
            List<Beneficiary> claimed = new ArrayList<>();
            for (Beneficiary member : members) {
                if (member.erasedAt != null) {
                    continue;
                }
                if (!member.holdsPass && heldElsewhere(holders, member)) {
                    member.enrolledElsewhere = true;
                    continue;
                }
                member.enrolledElsewhere = false;
                member.holdsPass = true;
                if (member.personKey != null) {
                    holders.computeIfAbsent(member.personKey, key -> new HashSet<>()).add(member.enrolmentId);
                }
                claimed.add(member);
            }
            claims.add(claimed);
        }
        return claims;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void release(List<Beneficiary> members) {
        members.forEach(member -> member.holdsPass = false);
    }

    private static boolean heldElsewhere(Map<String, Set<UUID>> holders, Beneficiary member) {
        Set<UUID> enrolments = member.personKey == null ? null : holders.get(member.personKey);
        return enrolments != null && enrolments.stream().anyMatch(enrolment -> !enrolment.equals(member.enrolmentId));
    }

    /** For each of the members' keys, the enrolments through which that person holds a pass now. */
    private static Map<String, Set<UUID>> holders(Collection<Beneficiary> members) {
        List<String> keys = members.stream().map(member -> member.personKey).filter(Objects::nonNull).distinct().toList();
        Map<String, Set<UUID>> holders = new HashMap<>();
        if (keys.isEmpty()) {
            return holders;
        }
        List<Object[]> rows = Beneficiary.getEntityManager().createQuery(
                "select b.personKey, b.enrolmentId from Beneficiary b where b.holdsPass = true and b.personKey in ?1", Object[].class)
                .setParameter(1, keys).getResultList();
        for (Object[] row : rows) {
            holders.computeIfAbsent((String) row[0], key -> new HashSet<>()).add((UUID) row[1]);
        }
        return holders;
    }
}
