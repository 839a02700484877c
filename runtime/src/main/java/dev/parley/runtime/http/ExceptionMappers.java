package dev.parley.runtime.http;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * How a failure of a request becomes an answer, for every resource: what the client sent wrong is a 400
 * ({@link BadInput}), what it names and does not exist a 404 ({@link NotFound}), what clashes with what is stored a
 * 409 ({@link Conflict}), each with the exception's message. Anything else (the database is unreachable, say) is
 * logged and answered 503, since trying again later is all the client can do. JAX-RS's own exceptions (an unknown
 * path, an unsupported media type) keep the answer they carry.
 */
public class ExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ExceptionMappers.class);

    /** The message of the 503 a request that failed unexpectedly is answered with. */
    public static final String TRY_AGAIN = "the request could not be completed now; try again";

    @ServerExceptionMapper
    public Response badInput(BadInput failure) {
        return Errors.badRequest(failure.getMessage());
    }

    @ServerExceptionMapper
    public Response notFound(NotFound failure) {
        return Errors.status(Response.Status.NOT_FOUND, new ErrorBody(failure.getMessage(), failure.reason()));
    }

    @ServerExceptionMapper
    public Response conflict(Conflict failure) {
        return Errors.status(Response.Status.CONFLICT, new ErrorBody(failure.getMessage(), failure.reason()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable failure, ContainerRequestContext request) {
        if (failure instanceof WebApplicationException jaxrs) {
            return jaxrs.getResponse();
        }
        return tryAgain(failure, request.getMethod() + " " + request.getUriInfo().getPath());
    }

    /** The answer to a failure no one expected: logged with what failed, then 503 "try again". */
    public static Response tryAgain(Throwable failure, String what) {
        LOG.errorf(failure, "%s failed", what);
        return Errors.status(Response.Status.SERVICE_UNAVAILABLE, TRY_AGAIN);
    }
}
