package io.lojal.common;

import java.util.List;

/**
 * A refusal the contract names: each subclass stands for one problem slug and is mapped once to problem+json.
 * Stack traces are not filled in: these are answers, not faults.
 */
public abstract class ProblemException extends RuntimeException {

    private final String slug;
    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;

    protected ProblemException(String slug, int status, String title, String detail) {
        this(slug, status, title, detail, null);
    }

    protected ProblemException(String slug, int status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.slug = slug;
        this.status = status;
        this.title = title;
        this.errors = errors;
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    public Problem toProblem() {
        return new Problem(Problem.TYPE_BASE + slug, title, status, getMessage(), errors);
    }
}
