package dev.parley.runtime.session;

import dev.parley.runtime.conversation.SessionStore;
import dev.parley.runtime.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The session contract with state in the conversation row. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true)
class PostgresSessionsTest extends SessionStoreContract {

    @Override
    SessionStore store() {
        return new PostgresSessions();
    }
}
