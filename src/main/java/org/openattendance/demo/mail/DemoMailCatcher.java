package org.openattendance.demo.mail;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's mail catcher: an SMTP server on 127.0.0.1 that keeps every e-mail the application sends, so a newcomer
 * can read the letters and follow a parent's confirmation link without a real mail server. Demo profile only; the
 * messages live in memory and are gone when the application stops.
 */
@Component
@Profile("demo")
public class DemoMailCatcher implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(DemoMailCatcher.class);

    private final GreenMail server;
    private final int port;

    /** @param port the SMTP port on 127.0.0.1; 0 for any free one */
    DemoMailCatcher(@Value("${openattendance.demo.mail.port:2525}") int port) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        this.server = new GreenMail(port == 0 ? setup.dynamicPort() : setup);
        try {
            server.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("The demo mail catcher could not listen on 127.0.0.1:" + port
                    + " (another copy of the application may be using it): set OPENATTENDANCE_DEMO_MAIL_PORT to a free port", e);
        }
        this.port = server.getSmtp().getPort();
        LOG.info("Demo mail catcher listening on 127.0.0.1:{}; read the e-mails at /admin/demo-mail", this.port);
    }

    public int port() {
        return port;
    }

    /** Every e-mail received, in the order they arrived (the first is number 1). */
    List<MimeMessage> received() {
        return Arrays.asList(server.getReceivedMessages());
    }

    @Override
    public void destroy() {
        server.stop();
    }
}
