package org.openattendance.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** How each dashboard figure is worked out, in plain English (docs/attendance-figures.md has the same). */
@Controller
class DefinitionsPage {

    @GetMapping("/dashboard/definitions")
    String definitions() {
        return "dashboard/definitions";
    }
}
