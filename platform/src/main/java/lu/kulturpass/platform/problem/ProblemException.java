package lu.kulturpass.platform.problem;

/** Thrown by domain code to answer with a given status and a message a person understands. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;

    public ProblemException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Invalid request", detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Not allowed", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail);
    }

    public static ProblemException unavailable(String detail) {
        return new ProblemException(503, "Temporarily unavailable", detail);
    }

    /**
     * A body the resource reads itself that Jackson could not read: the hint (what to send), then what is wrong with it,
     * worded as a body read by Quarkus would be ({@link JsonProblems}), never in the parser's words.
     */
    public static ProblemException unreadable(String hint, com.fasterxml.jackson.core.JsonProcessingException e) {
        return badRequest(hint + ". " + JsonProblems.of(e).detail());
    }

    public Problem toProblem() {
        return Problem.of(status, title, getMessage());
    }
}
