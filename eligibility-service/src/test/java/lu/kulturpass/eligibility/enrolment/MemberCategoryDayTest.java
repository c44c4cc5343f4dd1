package lu.kulturpass.eligibility.enrolment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import lu.kulturpass.eligibility.beneficiary.Beneficiary;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import org.junit.jupiter.api.Test;

/**
 * A member's category is the one of their age on the programme's day: on their 18th birthday they are an adult from
 * midnight in Luxembourg, although UTC is still on the day before; here on the days clocks change in 2026.
 */
class MemberCategoryDayTest {

    static final ZoneId LUXEMBOURG = ZoneId.of("Europe/Luxembourg");

    static String categoryAt(String wallClock, LocalDate birthDate) {
        ProgrammeCalendar calendar = ProgrammeCalendar.fixedAt(LocalDateTime.parse(wallClock).atZone(LUXEMBOURG).toInstant(), LUXEMBOURG);
        Beneficiary member = new Beneficiary();
        member.id = UUID.randomUUID();
        member.firstName = "Léa";
        member.lastName = "Muller";
        member.birthDate = birthDate;
        return EnrolmentView.Member.of(member, "http://pass.example", calendar.today()).category();
    }

    @Test
    void at2359TheEveningBeforeTheir18thBirthdayAMemberIsStillAChild() {
        assertEquals("CHILD", categoryAt("2026-03-28T23:59", LocalDate.of(2008, 3, 29)));
        assertEquals("CHILD", categoryAt("2026-10-25T23:59", LocalDate.of(2008, 10, 26)));
    }

    @Test
    void at0001InLuxembourgOnTheir18thBirthdayAMemberIsAnAdultThoughUtcIsStillOnTheDayBefore() {
        assertEquals("ADULT", categoryAt("2026-03-29T00:01", LocalDate.of(2008, 3, 29)));
        assertEquals("ADULT", categoryAt("2026-10-26T00:01", LocalDate.of(2008, 10, 26)));
    }
}
