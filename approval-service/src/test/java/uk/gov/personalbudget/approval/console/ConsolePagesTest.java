package uk.gov.personalbudget.approval.console;

import org.junit.jupiter.api.Test;
import uk.gov.personalbudget.approval.support.InMemoryApprovalServiceTest;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The console's pages are open static files under a strict content security policy; its data is not. */
class ConsolePagesTest extends InMemoryApprovalServiceTest {

    @Test
    void pagesAreServedWithoutATokenUnderAStrictContentSecurityPolicy() throws Exception {
        for (String page : new String[] {"index", "budget", "queue", "reports", "replay"}) {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                            "/console/" + page + ".html"))
                    .andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith("text/html"))
                    .andExpect(content().string(containsString("<html lang=\"en-GB\">")))
                    .andExpect(header().string("Content-Security-Policy", ConsoleConfiguration.CONTENT_SECURITY_POLICY))
                    .andExpect(header().string("Referrer-Policy", "no-referrer"));
        }
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/console/console.js"))
                .andExpect(status().isOk());
    }

    @Test
    void theConsoleOpensOnItsSignInPage() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/console"))
                .andExpect(redirectedUrl("/console/"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/console/"))
                .andExpect(status().isOk())
                .andExpect(forwardedUrl("/console/index.html"));
    }

    @Test
    void whatThePagesReadStillNeedsAToken() throws Exception {
        getWithoutToken("/api/v1/budgets/PB-1/state").andExpect(status().isUnauthorized());
        getWithoutToken("/api/v1/budgets/PB-1/verification").andExpect(status().isUnauthorized());
    }

    @Test
    void aBudgetThisServiceHasNotSeenIsNotAskedOfBudgetService() throws Exception {
        get("/api/v1/budgets/PB-NEVER-SEEN/state", tokens.auditor())
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("urn:personal-budget:problem:budget-not-found")));
    }
}
