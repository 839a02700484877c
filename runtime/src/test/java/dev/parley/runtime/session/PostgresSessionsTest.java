package dev.parley.runtime.session;

import dev.parley.runtime.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import dev.parley.runtime.conversation.SessionStore;

/** The session contract with state in the conversation row. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class PostgresSessionsTest extends SessionStoreContract {

    @Override
    SessionStore store() {
        return new PostgresSessions();
    }
}
