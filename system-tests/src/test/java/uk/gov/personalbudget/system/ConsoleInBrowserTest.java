package uk.gov.personalbudget.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import uk.gov.personalbudget.budget.walkthrough.WalkthroughScript;
import uk.gov.personalbudget.testsupport.process.ServiceProcess;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The auditor's console in a real headless Chromium against both services and a Kafka broker: sign in with a
 * development token, open the budget the walkthrough took through its whole life and check that the swimlanes
 * show exactly its control trail, move the point-in-time control and see the state budget-service gives for
 * that moment, read the queue and the report, and start a replay whose progress reaches 100 %. Every page is
 * saved as a screenshot under target/screenshots/.
 */
class ConsoleInBrowserTest {

    private static final Pattern FIRST_BUDGET = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final Duration PAGE = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final List<AutoCloseable> running = new ArrayList<>();
    private ServiceProcess budgetService;
    private ServiceProcess approvalService;
    private ChromeDriver browser;

    @TempDir
    Path data;

    @AfterEach
    void stopEverything() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    @Test
    void anAuditorSeesWhereControlPassedMovesThroughTimeAndWatchesAReplayComplete() throws Exception {
        // CI installs the browser (.ci/run), so there it must run; elsewhere it may be missing.
        assumeTrue(
                SystemChromium.installed() || "true".equals(System.getenv("CI")),
                "needs Debian's chromium and chromium-driver (" + SystemChromium.BROWSER + ", " + SystemChromium.DRIVER
                        + "): apt-get install chromium chromium-driver");
        startStack();
        var run = WalkthroughScript.runWholeStack(
                Map.of("BASE", budgetService.baseUrl(), "APPROVAL", approvalService.baseUrl()));
        assertThat(run.exitCode()).as(run.output()).isZero();
        Matcher first = FIRST_BUDGET.matcher(run.output());
        assertThat(first.find()).isTrue();
        String budget = first.group(1);

        browser = SystemChromium.start(data);
        running.add(browser::quit);

        signIn();
        approvalQueue();
        budgetPage(budget);
        reportsPage();
        replayPage();
    }

    private void signIn() throws Exception {
        browser.get(approvalService.baseUrl() + "/console/");
        await("the sign-in page")
                .atMost(PAGE)
                .until(() -> !browser.findElements(By.id("dev-form")).isEmpty());
        everyControlIsLabelled();
        browser.findElement(By.cssSelector("#dev-role option[value='AUDITOR']")).click();
        WebElement sub = browser.findElement(By.id("dev-sub"));
        sub.clear();
        sub.sendKeys("console-auditor");
        SystemChromium.screenshot(browser, "sign-in");
        browser.findElement(By.id("dev-sign-in")).click();
        await("signed in and on the queue")
                .atMost(PAGE)
                .until(() -> browser.getCurrentUrl().endsWith("/console/queue.html")
                        && browser.findElement(By.id("who")).getText().contains("console-auditor (AUDITOR, leeds)"));
        Object token = ((JavascriptExecutor) browser)
                .executeScript("return sessionStorage.getItem('personal-budget-console-token')");
        assertThat((String) token).isNotBlank();
        assertThat(browser.getCurrentUrl()).as("the token is never in a URL").doesNotContain((String) token);
    }

    /** The walkthrough leaves its second budget's plan waiting for the authority, at TEAM_MANAGER level. */
    private void approvalQueue() throws Exception {
        JsonNode queue = api(approvalService, "/api/v1/approvals").get("items");
        List<String> waitingPlans = new ArrayList<>();
        queue.forEach(item -> {
            if (item.get("entry").get("kind").asText().equals("PLAN_AWAITING_DECISION")) {
                waitingPlans.add(item.get("entry").get("budgetId").asText());
            }
        });
        assertThat(waitingPlans).isNotEmpty();
        await("the queue's plans")
                .atMost(PAGE)
                .until(() -> browser.findElements(By.cssSelector("#plans-table tbody tr[data-budget]"))
                                .size()
                        == waitingPlans.size());
        List<WebElement> rows = browser.findElements(By.cssSelector("#plans-table tbody tr[data-budget]"));
        assertThat(rows)
                .extracting(row -> row.getAttribute("data-budget"))
                .containsExactlyInAnyOrderElementsOf(waitingPlans);
        assertThat(rows.get(0).getText()).contains("TEAM_MANAGER");
        // Sorting by waiting time is a button in the header, with aria-sort saying the order.
        WebElement sortByWaiting = browser.findElement(By.xpath("//table[@id='plans-table']//th/button[.='Waiting']"));
        sortByWaiting.click();
        assertThat(sortByWaiting.findElement(By.xpath("..")).getAttribute("aria-sort"))
                .isEqualTo("ascending");
        // The timeliness queue: each item of an _OVERDUE kind, as the API lists them (none yet in a walk of minutes).
        List<String> overdue = new ArrayList<>();
        queue.forEach(item -> {
            if (item.get("entry").get("kind").asText().endsWith("_OVERDUE")) {
                overdue.add(item.get("entry").get("budgetId").asText());
            }
        });
        assertThat(browser.findElement(By.id("timeliness-table")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.cssSelector("#timeliness-table tbody tr[data-kind]")))
                .extracting(row -> row.getAttribute("data-budget"))
                .containsExactlyInAnyOrderElementsOf(overdue);
        everyControlIsLabelled();
        SystemChromium.screenshot(browser, "queue");
    }

    private void budgetPage(String budget) throws Exception {
        JsonNode trail = api(approvalService, "/api/v1/budgets/" + budget + "/control-trail")
                .get("transfers");
        browser.findElement(By.linkText("Budget")).click();
        WebElement id = browser.findElement(By.id("budget-id"));
        id.sendKeys(budget, Keys.ENTER);
        await("the swimlanes")
                .atMost(PAGE)
                .until(() -> browser.findElements(By.cssSelector("#swimlane .transfer"))
                                .size()
                        == trail.size());

        List<String> expected = new ArrayList<>();
        List<String> parties = new ArrayList<>();
        trail.forEach(entry -> {
            expected.add(entry.get("sequence").asLong() + ":"
                    + entry.get("from").get("party").asText() + "->"
                    + entry.get("to").get("party").asText() + ":"
                    + entry.get("event").asText());
            parties.add(entry.get("to").get("party").asText());
        });
        List<String> shown = browser.findElements(By.cssSelector("#swimlane .transfer")).stream()
                .map(marker -> marker.getAttribute("data-sequence") + ":" + marker.getAttribute("data-from") + "->"
                        + marker.getAttribute("data-to") + ":" + marker.getAttribute("data-event"))
                .toList();
        assertThat(shown).as("the transfers drawn, in order").containsExactlyElementsOf(expected);
        List<String> lanes = browser.findElements(By.cssSelector("#swimlane [data-lane]")).stream()
                .map(lane -> lane.getAttribute("data-lane"))
                .toList();
        assertThat(lanes).containsExactly("PERSON", "NOMINEE", "PRACTITIONER", "AUTHORITY");
        assertThat(lanes)
                .containsAll(parties.stream()
                        .filter(party -> !party.equals("NOBODY"))
                        .toList());
        // Each holding is a bar in the lane of the party that gained control.
        assertThat(browser.findElements(By.cssSelector("#swimlane rect[data-holding]")))
                .hasSize(trail.size() - 1);
        assertThat(browser.findElements(By.cssSelector("#trail-table tbody tr")))
                .hasSize(trail.size());
        assertThat(browser.findElements(By.cssSelector("#decisions-table tbody tr")))
                .hasSize(api(approvalService, "/api/v1/budgets/" + budget + "/decisions")
                        .get("decisions")
                        .size());
        await("the verification")
                .atMost(PAGE)
                .until(() ->
                        browser.findElement(By.id("verification")).getText().startsWith("Intact"));

        // Keyboard: Tab to the first transfer, arrow along to the delegation, Enter shows its actor and reason.
        int delegation = indexOf(trail, "ControlDelegated");
        WebElement firstMarker = browser.findElement(By.cssSelector("#swimlane .transfer[data-index='0']"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].focus()", firstMarker);
        for (int step = 0; step < delegation; step++) {
            browser.switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
        }
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(browser.findElement(By.id("transfer-detail")).getText())
                .contains(
                        "ControlDelegated",
                        "NOMINEE (n-jordan)",
                        "p-amara (PERSON)",
                        "Going into hospital for a short stay");

        pointInTime(budget, trail, delegation);
        everyControlIsLabelled();
        SystemChromium.screenshot(browser, "budget");
    }

    /** The slider's stops are the transfers; each shows what budget-service says of the budget at that moment. */
    private void pointInTime(String budget, JsonNode trail, int delegation) throws Exception {
        WebElement slider = browser.findElement(By.id("as-of"));
        awaitState("CLOSED");
        assertThat(stateField("version")).isEqualTo("25");

        slider.sendKeys(Keys.HOME);
        awaitState("OPENED");
        assertThat(stateField("version")).isEqualTo("0");
        matchesBudgetService(budget);

        for (int step = 0; step < delegation; step++) {
            slider.sendKeys(Keys.ARROW_RIGHT);
        }
        awaitState("ACTIVE");
        assertThat(stateField("control")).isEqualTo("NOMINEE (n-jordan)");
        assertThat(stateField("delegation")).startsWith("n-jordan until");
        assertThat(slider.getAttribute("aria-valuetext")).contains("ControlDelegated");
        matchesBudgetService(budget);
        assertThat(trail.get(delegation).get("to").get("actorId").asText()).isEqualTo("n-jordan");

        momentInput(
                budget, Instant.parse(trail.get(delegation).get("at").asText()).truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * The date input (whole seconds, the browser's local time): the page shows the budget as budget-service says it
     * was at that instant. The value is set as a person's typing would leave it, then the input's change fires.
     */
    private void momentInput(String budget, Instant moment) {
        ((JavascriptExecutor) browser)
                .executeScript("""
                const input = arguments[0], at = new Date(arguments[1]), two = n => String(n).padStart(2, '0');
                input.value = at.getFullYear() + '-' + two(at.getMonth() + 1) + '-' + two(at.getDate()) + 'T'
                    + two(at.getHours()) + ':' + two(at.getMinutes()) + ':' + two(at.getSeconds());
                input.dispatchEvent(new Event('change'));""", browser.findElement(By.id("as-of-moment")), moment.toString());
        await("the state as of " + moment).atMost(PAGE).untilAsserted(() -> {
            assertThat(browser.findElement(By.id("as-of-value")).getAttribute("data-instant"))
                    .isEqualTo(moment.toString().replace("Z", ".000Z"));
            matchesBudgetService(budget);
        });
    }

    private void matchesBudgetService(String budget) throws Exception {
        String instant = browser.findElement(By.id("as-of-value")).getAttribute("data-instant");
        assertThat(instant).isNotEmpty();
        JsonNode state = api(
                budgetService,
                "/api/v1/budgets/" + budget + "?asOf=" + URLEncoder.encode(instant, StandardCharsets.UTF_8));
        assertThat(stateField("status")).isEqualTo(state.get("status").asText());
        assertThat(stateField("version")).isEqualTo(state.get("version").asText());
        JsonNode holder = state.get("controlHolder");
        assertThat(stateField("control"))
                .isEqualTo(
                        holder.get("actorId").isNull()
                                ? holder.get("party").asText()
                                : holder.get("party").asText() + " ("
                                        + holder.get("actorId").asText() + ")");
    }

    private void awaitState(String status) {
        await("the state " + status).atMost(PAGE).until(() -> {
            List<WebElement> field = browser.findElements(By.cssSelector("#state [data-field='status']"));
            return !field.isEmpty() && field.get(0).getText().equals(status);
        });
    }

    private String stateField(String name) {
        return browser.findElement(By.cssSelector("#state [data-field='" + name + "']"))
                .getText();
    }

    private void reportsPage() throws Exception {
        browser.findElement(By.linkText("Reports")).click();
        await("the report")
                .atMost(PAGE)
                .until(() -> browser.findElement(By.id("report")).isDisplayed()
                        && !browser.findElements(By.cssSelector("#party-table tbody tr"))
                                .isEmpty());
        List<WebElement> waits = browser.findElements(By.cssSelector("#waits-table tbody tr td"));
        int plans = waits.stream()
                .mapToInt(cell -> Integer.parseInt(cell.getText()))
                .sum();
        assertThat(plans)
                .as("decline and approval of the first budget, approval of the third (section 12)")
                .isEqualTo(3);
        assertThat(browser.findElements(By.cssSelector("#party-table tbody tr")))
                .hasSize(5);
        assertThat(browser.findElement(By.id("csv")).getAttribute("href")).startsWith("blob:");
        csvDownload(plans);
        everyControlIsLabelled();
        SystemChromium.screenshot(browser, "reports");
        challengesAndPreferredControl();
        outcomesAndTimeliness();
    }

    /**
     * The walkthrough's challenge of the approved amount (section 5), answered not upheld, among the report's figures;
     * and the control each budget's person held beside the level they wanted: the first budget's person wants to share
     * it, the second's and third's to hold it themselves (their assessments, sections 3, 11 and 12).
     */
    private void challengesAndPreferredControl() {
        assertThat(rowsOf("challenges-table", 1))
                .containsEntry("Raised", "1")
                .containsEntry("of an approved amount", "1")
                .containsEntry("Answered", "1")
                .containsEntry("not upheld", "1")
                .containsEntry("Awaiting an answer at the end", "0");
        assertThat(rowsOf("preferred-table", 4))
                .containsEntry("share it", "1")
                .containsEntry("hold it myself", "2")
                .containsEntry("have it managed", "0");
        assertThat(browser.findElements(By.cssSelector("#preferred-chart svg rect")))
                .as("a bar for every level of control")
                .hasSize(4);
    }

    /** Each row of a report table: its heading cell and the text of its {@code column}th data cell. */
    private Map<String, String> rowsOf(String table, int column) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (WebElement row : browser.findElements(By.cssSelector("#" + table + " tbody tr"))) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            rows.put(
                    row.findElement(By.tagName("th")).getText(),
                    cells.get(column - 1).getText());
        }
        return rows;
    }

    /**
     * The outcomes report's chart and table, the co-production table and the timeliness tables show what the API
     * answers for the same range: the walkthrough's third budget recorded one outcome (section 12), and the first and
     * third budgets have their money in place.
     */
    private void outcomesAndTimeliness() throws Exception {
        await("the outcomes, co-production and timeliness reports")
                .atMost(PAGE)
                .until(() -> !browser.findElements(By.cssSelector(
                                        "#outcomes-table tbody tr[data-key='SOCIAL_PARTICIPATION_AND_RELATIONSHIPS']"))
                                .isEmpty()
                        && !browser.findElements(
                                        By.cssSelector("#timeliness-table tbody tr[data-kind='MONEY_IN_PLACE']"))
                                .isEmpty());
        String range = "?from=" + Instant.now().minus(Duration.ofDays(30)) + "&to="
                + Instant.now().plus(Duration.ofMinutes(1));
        JsonNode outcomes = api(approvalService, "/api/v1/reports/outcomes" + range);
        assertThat(outcomes.get("outcomes").asInt()).isEqualTo(1);
        WebElement social = browser.findElement(
                By.cssSelector("#outcomes-table tbody tr[data-key='SOCIAL_PARTICIPATION_AND_RELATIONSHIPS']"));
        assertThat(social.findElements(By.tagName("td")).get(0).getText()).isEqualTo("1");
        assertThat(browser.findElements(By.cssSelector("#outcomes-chart svg rect")))
                .as("a bar for every outcome domain")
                .hasSize(outcomes.get("byDomain").size());
        assertThat(browser.findElement(By.id("outcomes-by-table")).getText())
                .contains("How the plan was made: Peer supported")
                .contains("Management option: Direct payment");
        JsonNode timeliness = api(approvalService, "/api/v1/reports/timeliness" + range);
        int moneyInPlace = 0;
        for (JsonNode duty : timeliness.get("duties")) {
            if (duty.get("kind").asText().equals("MONEY_IN_PLACE")) {
                moneyInPlace = duty.get("met").asInt();
            }
        }
        assertThat(moneyInPlace).as("the first budget's and the third's").isEqualTo(2);
        WebElement money =
                browser.findElement(By.cssSelector("#timeliness-table tbody tr[data-kind='MONEY_IN_PLACE']"));
        assertThat(money.findElements(By.tagName("td")).get(1).getText()).isEqualTo(String.valueOf(moneyInPlace));
        assertThat(browser.findElement(By.id("co-production-table")).getText())
                .contains("Plans made by the person or with peer support");
        everyControlIsLabelled();
        JavascriptExecutor page = (JavascriptExecutor) browser;
        page.executeScript("document.getElementById('outcomes-heading').scrollIntoView()");
        SystemChromium.screenshot(browser, "outcomes");
        page.executeScript("document.getElementById('timeliness-heading').scrollIntoView()");
        SystemChromium.screenshot(browser, "timeliness");
        browser.findElement(By.id("outcomes-csv")).click();
        Path outcomesFile = SystemChromium.downloads(data).resolve("outcomes.csv");
        await("the outcomes CSV").atMost(PAGE).until(() -> Files.exists(outcomesFile));
        List<String> lines = Files.readAllLines(outcomesFile);
        assertThat(lines.get(0)).isEqualTo("from,to,breakdown,key,outcomes,budgets");
        assertThat(lines)
                .anySatisfy(line -> assertThat(line).endsWith(",domain,SOCIAL_PARTICIPATION_AND_RELATIONSHIPS,1,1"))
                .anySatisfy(line -> assertThat(line).endsWith(",planMadeBy,PEER_SUPPORTED,1,1"));
    }

    /** What the CSV link downloads: one row per group and figure, the same figures as the page's tables. */
    private void csvDownload(int plansDecided) throws IOException {
        browser.findElement(By.id("csv")).click();
        Path file = SystemChromium.downloads(data).resolve("control-summary.csv");
        await("the CSV download").atMost(PAGE).until(() -> Files.exists(file));
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo("from,to,group,figure,value");
        assertThat(lines).anySatisfy(line -> assertThat(line).endsWith(",OVERALL,plansDecided," + plansDecided));
        assertThat(lines.stream().filter(line -> line.contains(",OVERALL,secondsHeldBy")))
                .as("time held by each party and by nobody")
                .hasSize(6);
    }

    private void replayPage() throws Exception {
        browser.findElement(By.linkText("Replay")).click();
        WebElement start = browser.findElement(By.id("start-replay"));
        await("the replay page").atMost(PAGE).until(start::isEnabled);
        start.click();
        WebElement status = browser.findElement(By.id("replay-status"));
        await("the replay completes")
                .atMost(Duration.ofMinutes(2))
                .until(() -> "COMPLETED".equals(status.getAttribute("data-status")));
        assertThat(browser.findElement(By.id("replay-progress")).getAttribute("value"))
                .isEqualTo("100");
        assertThat(status.getText()).contains("(100 %)");
        everyControlIsLabelled();
        SystemChromium.screenshot(browser, "replay");
    }

    /** Every form control has a label a screen reader announces. */
    private void everyControlIsLabelled() {
        Object unlabelled = ((JavascriptExecutor) browser)
                .executeScript("return Array.from(document.querySelectorAll('input, select, textarea, progress'))"
                        + ".filter(c => c.labels.length === 0 && !c.getAttribute('aria-label')).map(c => c.id);");
        assertThat((List<?>) unlabelled)
                .as("controls without a label on " + browser.getCurrentUrl())
                .isEmpty();
    }

    private static int indexOf(JsonNode trail, String event) {
        for (int i = 0; i < trail.size(); i++) {
            if (trail.get(i).get("event").asText().equals(event)) {
                return i;
            }
        }
        throw new AssertionError("no " + event + " in the trail");
    }

    private void startStack() throws Exception {
        H2Stack stack = H2Stack.start(data);
        running.add(stack);
        budgetService = stack.budgetService();
        approvalService = stack.approvalService();
    }

    private JsonNode api(ServiceProcess service, String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                        .header("Authorization", "Bearer " + token())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private String token() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(budgetService.baseUrl() + "/dev/tokens"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"sub\":\"console-test-auditor\",\"role\":\"AUDITOR\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body()).get("token").asText();
    }
}
