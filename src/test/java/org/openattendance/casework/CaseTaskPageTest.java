package org.openattendance.casework;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openattendance.support.Fixtures;
import org.openattendance.support.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A test of a case's task pages through MockMvc: cases of the real attendance-case process, users signed in as the
 * users table has them, and the engine's clock at the real time (another test may have moved it).
 */
abstract class CaseTaskPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    CaseProcessSupport cases;
    @Autowired
    Fixtures fixtures;
    @Autowired
    SignedIn signedIn;

    @BeforeEach
    void engineClockNow() {
        ClockUtil.setCurrentTime(new java.util.Date());
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }
}
