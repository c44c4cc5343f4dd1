package lu.kulturpass.venue.admission;

public enum Outcome {
    ADMITTED,
    REFUSED
}
