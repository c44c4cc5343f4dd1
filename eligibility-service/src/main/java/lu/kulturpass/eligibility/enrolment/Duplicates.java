package lu.kulturpass.eligibility.enrolment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import lu.kulturpass.eligibility.beneficiary.Beneficiary;

/**
 * One active pass per person, programme-wide. A person is recognised by their normalised name and
 * birth date ({@code PersonKey}); a member who already holds a pass through another enrolment (of any
 * agency) is flagged "enrolled elsewhere" — the only thing the second agency learns — and gets no
 * second pass. A unique index on the key of pass holders settles two approvals at the same moment.
 */
@ApplicationScoped
public class Duplicates {

    /** Flags the members held elsewhere; true if any is. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean flag(List<Beneficiary> members) {
        boolean any = false;
        for (Beneficiary member : members) {
            member.enrolledElsewhere = !member.holdsPass && heldElsewhere(member);
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
        List<Beneficiary> claimed = new ArrayList<>();
        for (Beneficiary member : members) {
            if (member.erasedAt != null) {
                continue;
            }
            if (!member.holdsPass && heldElsewhere(member)) {
                member.enrolledElsewhere = true;
                continue;
            }
            member.enrolledElsewhere = false;
            member.holdsPass = true;
            claimed.add(member);
        }
        Beneficiary.flush();
        return claimed;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void release(List<Beneficiary> members) {
        members.forEach(member -> member.holdsPass = false);
    }

    private static boolean heldElsewhere(Beneficiary member) {
        return Beneficiary.count("personKey = ?1 and holdsPass = true and enrolmentId <> ?2", member.personKey, member.enrolmentId) > 0;
    }
}
