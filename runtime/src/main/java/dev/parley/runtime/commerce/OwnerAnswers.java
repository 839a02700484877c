package dev.parley.runtime.commerce;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import dev.parley.runtime.channel.Problems;
import dev.parley.runtime.commerce.catalog.CatalogRepository;

/**
 * How the owner API answers a failure: what the owner sent wrong is a 400 (or a 409 when it clashes with what the
 * catalog already says), with a message that says what to change; anything else (the database is unreachable, say)
 * is logged and answered 503, since trying again later is all the owner can do.
 */
public final class OwnerAnswers {

    private static final Logger LOG = Logger.getLogger(OwnerAnswers.class);

    private OwnerAnswers() {
    }

    public static Response failure(Throwable failure) {
        if (failure instanceof CatalogRepository.UnknownWord || failure instanceof IllegalArgumentException) {
            return Problems.badRequest(failure.getMessage());
        }
        if (failure instanceof CatalogRepository.Conflict) {
            return Problems.status(Response.Status.CONFLICT, failure.getMessage());
        }
        LOG.error("an owner API request failed", failure);
        return Problems.status(Response.Status.SERVICE_UNAVAILABLE, "the request could not be completed now; try again");
    }
}
