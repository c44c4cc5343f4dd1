package lu.kulturpass.platform.problem;

import lu.kulturpass.platform.words.Words;

/**
 * Thrown by domain code to answer with a given status and a sentence a person understands, in the caller's language
 * ({@code Words.of(MyWords.class).…}). The answer's title is said by the status, in the caller's language
 * ({@link ProblemMappers#title}).
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;

    public ProblemException(int status, String detail) {
        this(status, null, detail);
    }

    /** {@code title}: kept for the logs and for callers that read it; the answer's title is the status's, in the caller's language. */
    public ProblemException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, detail);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, detail);
    }

    public static ProblemException unavailable(String detail) {
        return new ProblemException(503, detail);
    }

    /**
     * A body the resource reads itself that Jackson could not read: the hint (what to send, in the caller's language),
     * then what is wrong with it, worded as a body read by Quarkus would be ({@link JsonProblems}), never in the parser's words.
     */
    public static ProblemException unreadable(String hint, com.fasterxml.jackson.core.JsonProcessingException e) {
        return badRequest(Words.of(ProblemWords.class).problemUnreadableBody(hint, JsonProblems.of(e).detail()));
    }

    public int status() {
        return status;
    }

    public Problem toProblem() {
        return Problem.of(status, title, getMessage());
    }
}
