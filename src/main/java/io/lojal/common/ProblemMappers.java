package io.lojal.common;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpClosedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure leaves as problem+json; nothing here ever writes a stack trace to a client. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response.ResponseBuilder response = respond(e.toProblem());
        if (e instanceof Problems.Unauthorized) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        // A missing body shows up as a violation on the method parameter itself, not on one of its fields.
        if (e.getConstraintViolations().stream().anyMatch(ProblemMappers::isMissingBody)) {
            return problem(new Problems.MalformedRequest("A JSON request body is required."));
        }
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .distinct()
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return problem(new Problems.ValidationFailed(errors));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        if (e.getMessage() != null && e.getMessage().startsWith("Trailing token")) {
            return problem(new Problems.MalformedRequest("The body has more than one JSON value."));
        }
        String field = jsonPath(e);
        String message;
        if (e instanceof PropertyBindingException) {
            message = "unknown or read-only field";
        } else if (e instanceof InvalidFormatException invalid) {
            message = "must be " + simpleTypeName(invalid.getTargetType());
        } else if (e.getTargetType() != null) {
            message = "must be " + simpleTypeName(e.getTargetType());
        } else {
            message = "has the wrong type";
        }
        return problem(new Problems.ValidationFailed(field.isEmpty() ? "body" : field, message));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Throwable cause = e.getCause();
        if (cause instanceof StreamReadException) {
            return problem(new Problems.MalformedRequest("The body is not well-formed JSON."));
        }
        if (cause instanceof MismatchedInputException mismatched) {
            return mismatchedInput(mismatched);
        }
        if (cause instanceof DatabindException databind) {
            String field = databind instanceof JsonMappingException mapping ? jsonPath(mapping) : "";
            return problem(new Problems.ValidationFailed(field.isEmpty() ? "body" : field, "is not valid"));
        }
        int status = e.getResponse().getStatus();
        return switch (status) {
            case 404 -> problem(new Problems.NotFound("No such resource."));
            case 401 -> problem(new Problems.Unauthorized("A valid bearer token is required."));
            case 403 -> problem(new Problems.Forbidden("Your role may not make this call."));
            default -> respond(new Problem(Problem.TYPE_BASE + slugFor(status),
                    Response.Status.fromStatusCode(status) == null ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase(),
                    status, e.getMessage() == null ? null : safeDetail(e), null)).build();
        };
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return problem(new Problems.Unauthorized("A valid bearer token is required."));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return problem(new Problems.Unauthorized("The bearer token is missing, expired or invalid."));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return problem(new Problems.Forbidden("Your role may not make this call."));
    }

    /**
     * A client that closes its connection before its body is read (a webshop whose call timed out, say) caused the
     * failure, and hears no answer: not an error of ours to log as one. Any other I/O failure is unexpected.
     */
    @ServerExceptionMapper
    public Response unreadable(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpClosedException) {
                LOG.debugf("Request not read, the client closed the connection: %s", e.getMessage());
                return problem(new Problems.MalformedRequest("The connection closed before the request was read."));
            }
        }
        return unexpected(e);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("Unexpected failure", e);
        return respond(new Problem(Problem.TYPE_BASE + "internal-error", "Internal error", 500,
                "Something went wrong on our side; the request was not applied.", null)).build();
    }

    private static Response.ResponseBuilder respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    private static String slugFor(int status) {
        return switch (status) {
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 415 -> "unsupported-media-type";
            default -> status >= 500 ? "internal-error" : "bad-request";
        };
    }

    private static String safeDetail(WebApplicationException e) {
        // JAX-RS messages name the HTTP problem, never internals; keep them short anyway.
        String message = e.getMessage();
        return message.length() > 200 ? message.substring(0, 200) : message;
    }

    private static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String simpleTypeName(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return switch (type.getSimpleName()) {
            case "Long", "long", "Integer", "int" -> "an integer";
            case "Instant" -> "an ISO-8601 instant such as 2026-03-01T12:00:00Z";
            case "LocalDate" -> "a date (YYYY-MM-DD)";
            case "Boolean", "boolean" -> "true or false";
            case "String" -> "a string";
            case "BigDecimal", "Double", "double" -> "a number";
            default -> "a valid value";
        };
    }

    /** Resource methods name their JSON body parameter {@value}, so a violation on it means the body is missing. */
    static final String BODY_PARAMETER = "request";

    private static boolean isMissingBody(ConstraintViolation<?> violation) {
        Path.Node last = null;
        for (Path.Node node : violation.getPropertyPath()) {
            last = node;
        }
        return last != null && last.getKind() == ElementKind.PARAMETER && BODY_PARAMETER.equals(last.getName())
                && violation.getInvalidValue() == null;
    }

    /** The JSON field a violation is about (lines[0].quantity), or the query parameter's name. */
    private static String fieldName(ConstraintViolation<?> violation) {
        String parameter = null;
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case PARAMETER -> parameter = node.getName();
                case PROPERTY, BEAN -> {
                    if (node.isInIterable()) {
                        field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
                    }
                    if (node.getName() != null) {
                        if (field.length() > 0) {
                            field.append('.');
                        }
                        field.append(node.getName());
                    }
                }
                default -> {
                }
            }
        }
        if (field.length() > 0) {
            return field.toString();
        }
        return parameter == null || BODY_PARAMETER.equals(parameter) ? "body" : parameter;
    }
}
