package org.hotline.ivr;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The shared base of the scripts' integration tests: one test database and one FastAGI server with every script per
 * class, its recorded ports and settable answers reset before each test.
 */
abstract class IvrServerTest {

    static IvrTestDatabase db;
    static IvrTestServer server;

    @BeforeAll
    static void startServer() {
        db = new IvrTestDatabase();
        server = new IvrTestServer(db, IvrProperties.defaults().withPort(0));
    }

    @AfterAll
    static void stopServer() {
        server.close();
        db.close();
    }

    @BeforeEach
    void resetServer() {
        server.reset();
    }
}
