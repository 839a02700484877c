package dev.parley.runtime.owner;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import dev.parley.runtime.commerce.catalog.CatalogRepository;
import dev.parley.runtime.commerce.ledger.Ledger;
import dev.parley.runtime.commerce.recipe.Recipes;
import dev.parley.runtime.http.ErrorBody;
import dev.parley.runtime.http.Errors;
import dev.parley.runtime.http.ExceptionMappers;

/**
 * How the commerce domain's refusals answer on the owner API, so that commerce needs to know nothing of HTTP: a word
 * the catalog does not know is a 400 that lists the known ones, a word that already means something else a 409, an
 * unknown customer a 404. A value the domain cannot take ({@link IllegalArgumentException}: a catalog word too long,
 * say) is the owner's input, a 400, on the owner API only; elsewhere it is unexpected
 * ({@link ExceptionMappers#tryAgain}). What {@code dev.parley.runtime.http} maps itself is in {@link ExceptionMappers}.
 */
public class OwnerFailures {

    @ServerExceptionMapper
    public Response unknownWord(CatalogRepository.UnknownWord failure) {
        return Errors.badRequest(failure.getMessage());
    }

    @ServerExceptionMapper
    public Response catalogConflict(CatalogRepository.Conflict failure) {
        return Errors.status(Response.Status.CONFLICT, ErrorBody.of(failure.getMessage()));
    }

    @ServerExceptionMapper
    public Response unknownIngredient(Recipes.Unknown failure) {
        return Errors.badRequest(failure.getMessage());
    }

    @ServerExceptionMapper
    public Response duplicateIngredient(Recipes.Duplicate failure) {
        return Errors.status(Response.Status.CONFLICT, ErrorBody.of(failure.getMessage()));
    }

    @ServerExceptionMapper
    public Response unknownCustomer(Ledger.UnknownCustomer failure) {
        return Errors.notFound(failure.getMessage());
    }

    @ServerExceptionMapper
    public Response illegalArgument(IllegalArgumentException failure, SimpleResourceInfo resource, ContainerRequestContext request) {
        if (resource != null && resource.getResourceClass() != null
                && resource.getResourceClass().getPackageName().equals(OwnerFailures.class.getPackageName())) {
            return Errors.badRequest(failure.getMessage());
        }
        return ExceptionMappers.tryAgain(failure, request.getMethod() + " " + request.getUriInfo().getPath());
    }
}
