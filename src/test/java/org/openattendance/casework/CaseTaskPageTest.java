package org.openattendance.casework;

import org.junit.jupiter.api.extension.ExtendWith;
import org.openattendance.support.EngineAtNow;
import org.openattendance.support.Fixtures;
import org.openattendance.support.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A test of a case's task pages through MockMvc: cases of the real attendance-case process, users signed in as the
 * users table has them, and the engine's clock at the real time ({@link EngineAtNow}).
 */
@ExtendWith(EngineAtNow.class)
abstract class CaseTaskPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    CaseProcessSupport cases;
    @Autowired
    Fixtures fixtures;
    @Autowired
    SignedIn signedIn;
}
