package lu.kulturpass.eligibility.beneficiary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HolderInitialsTest {

    @Test
    void initialsAreTheLatinCapitalsOfTheNamesWithoutAccents() {
        assertEquals("EM", HolderInitials.of("Élodie", "Müller"));
        assertEquals("LO", HolderInitials.of("  léa", "Østergaard"));
        assertEquals("JD", HolderInitials.of("Jean-Paul", "d'Ornano"));
    }

    @Test
    void aNameWithoutLatinLettersGivesX() {
        assertEquals("XS", HolderInitials.of("Олена", "Shevchenko"));
    }
}
