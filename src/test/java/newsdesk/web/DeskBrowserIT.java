package newsdesk.web;

import newsdesk.testing.Desk;
import newsdesk.testing.NewsdeskServer;
import newsdesk.testing.Stories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The newsroom's loop in real headless Chromium (Debian's chromium and chromedriver): an editor writes a
 * uk story and asks for en and ru, a translator claims and translates (the draft survives a reload), the
 * editor corrects the source (the translator sees the banner and rebases), a reviewer sends one back with
 * a comment and then approves, the editor publishes and the story is in the feed. Every page is
 * photographed into target/desk-screenshots and checked with axe-core; the story's text carries scripts
 * and event handlers that must never run.
 */
@ExtendWith(NewsdeskServer.class)
class DeskBrowserIT {

    private static final Path SHOTS = Path.of("target", "desk-screenshots");
    private static final String XSS_BODY = "<p>Київ готується до зими.</p><script>window.ndXss = 1</script>"
            + "<p><img src=x onerror=\"window.ndXss = 2\">Друге речення.</p>";

    private static ChromeDriver browser;
    private static WebDriverWait wait;
    private static Path profile;
    private static String axe;
    private static int shot;
    private static final List<String> violations = new ArrayList<>();

    private final Desk desk;

    DeskBrowserIT(Desk desk) {
        this.desk = desk;
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        Files.createDirectories(SHOTS);
        profile = Files.createTempDirectory("desk-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=en-GB",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        // A page renders in one step after its data arrives: an element read while the previous page is replaced
        // goes stale, and the next poll reads the new page.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        try (InputStream in = DeskBrowserIT.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    @Test
    void theNewsroomsLoopInABrowser() throws IOException {
        try {
            loop();
        } catch (RuntimeException | AssertionError e) {
            // What the page said when it went wrong: the screenshot and the status line.
            Files.write(SHOTS.resolve("failure.png"), browser.getScreenshotAs(OutputType.BYTES));
            throw new AssertionError("on " + browser.getCurrentUrl() + ", the desk said: "
                    + browser.findElement(By.id("status")).getText(), e);
        }
    }

    private void loop() {
        Desk.Person editor = desk.newEditor();
        Desk.Person translator = desk.newTranslator("en", "ru");
        Desk.Person reviewer = desk.newPerson(List.of("REVIEWER"), "en", "ru");
        String title = "Київ готується до зими " + UUID.randomUUID().toString().substring(0, 6);
        // A glossary term of this story only (a made-up town), so no other test's text ever meets it.
        String town = "Зимоград" + cyrillic(4);
        desk.as(editor).body(Map.of("sourceLanguage", "uk", "targetLanguage", "en", "term", town,
                "preferred", "Wintergrad", "forbidden", List.of("Zimograd"))).post("/api/glossary")
                .then().statusCode(201);

        // The editor works in Ukrainian: the interface follows the choice, kept on the account.
        signIn(editor);
        new Select(find("ui-language")).selectByValue("uk");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("nav a[href='#/board']"), "Дошка"));
        look("board");
        click(By.cssSelector("nav a[href='#/new']"));
        find("story-title").sendKeys(title);
        find("story-summary").sendKeys("Місто <b onmouseover=alert(1)>готує</b> укриття. " + town + ".");
        typeInto(find("story-body"), XSS_BODY);
        look("new-story");
        click(By.id("create-story"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("request-translations")));
        String articleId = browser.getCurrentUrl().replaceFirst(".*#/article/", "");
        find("want-en").click();
        find("want-ru").click();
        find("request-priority").clear();
        find("request-priority").sendKeys("100");
        click(By.id("request"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-edition='ru']")));
        look("article-requested");
        signOut();

        // The translator claims both, works on en (the draft survives a reload) and submits it.
        signIn(translator);
        look("inbox");
        String enTask = claimNext("en");
        translate("Kyiv prepares for winter", "The city readies shelters. Wintergrad.", "<p>Kyiv prepares for winter.</p>");
        browser.navigate().refresh();
        wait.until(ExpectedConditions.attributeToBe(By.id("target-title"), "value", "Kyiv prepares for winter"));
        // The glossary term is underlined in the source, its preferred form said.
        WebElement term = browser.findElement(By.cssSelector("#source-summary .term"));
        assertEquals(town, term.getText());
        assertTrue(term.getAttribute("title").contains("Wintergrad"), term.getAttribute("title"));
        assertTrue(find("source-summary").getText().contains("→ Wintergrad"), find("source-summary").getText());
        look("task-editor");
        click(By.id("submit"));
        wait.until(ExpectedConditions.urlContains("#/inbox"));
        String ruTask = claimNext("ru");
        translate("Киев готовится к зиме", "Город готовит укрытия.", "<p>Киев готовится к зиме.</p>");
        signOut();

        // The editor corrects the source while ru is in the translator's hands.
        signIn(editor);
        browser.get(base() + "/desk/#/article/" + articleId);
        WebElement body = find("edit-body");
        body.clear();
        typeInto(body, XSS_BODY + "<p>Додано третє речення.</p>");
        click(By.id("save-source"));
        wait.until(d -> find("edit-body").getAttribute("value").contains("третє"));
        click(By.cssSelector("#revisions button"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#revision-diff ins"), "третє"));
        look("revision-diff");
        signOut();

        // The reviewer sends en back with a comment.
        signIn(reviewer);
        browser.get(base() + "/desk/#/review");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("page-title")));
        look("review-queue");
        browser.get(base() + "/desk/#/task/" + enTask);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("previous-submission"), "first"));
        // A comment anchored to a paragraph the source does not have is refused, and nothing is written.
        desk.as(reviewer).body(Map.of("comment", "x", "block", 2)).post("/api/tasks/" + enTask + "/reject")
                .then().statusCode(422).contentType("application/problem+json");
        find("review-comment").sendKeys("Kyiv is right, but say \"shelters\" in the title too.");
        new Select(find("review-block")).selectByValue("1");
        // The translation's preferred form is underlined too; the reviewer lets a forbidden form stand, with a reason.
        assertEquals("Wintergrad", browser.findElement(By.cssSelector("#draft-summary .term.kept")).getText());
        new Select(find("override-term")).selectByVisibleText(town + " → Wintergrad");
        find("override-found").sendKeys("Zimograd");
        find("override-reason").sendKeys("the town's own spelling in a quote");
        click(By.id("override"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "stands"));
        String audit = desk.as(editor).get("/api/articles/" + articleId + "/events").asString();
        assertTrue(audit.contains("override-glossary") && audit.contains("Zimograd") && audit.contains("own spelling"), audit);
        find("review-comment").clear();
        find("review-comment").sendKeys("Kyiv is right, but say \"shelters\" in the title too.");
        new Select(find("review-block")).selectByValue("1");
        look("review");
        click(By.id("reject"));
        wait.until(ExpectedConditions.urlContains("#/review"));
        signOut();

        // The translator sees the banner on ru and rebases, sees the comment on en and fixes it.
        signIn(translator);
        browser.get(base() + "/desk/#/task/" + ruTask);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("source-changed")));
        look("source-changed");
        click(By.id("rebase"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("source-changed")));
        wait.until(ExpectedConditions.attributeToBe(By.id("target-title"), "value", "Киев готовится к зиме"));
        click(By.id("submit"));
        wait.until(ExpectedConditions.urlContains("#/inbox"));
        browser.get(base() + "/desk/#/task/" + enTask);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("comments"), "shelters"));
        // The comment stands right after the paragraph it is about, the second one of the source.
        WebElement anchored = browser.findElement(By.cssSelector(".source-text .block-comment[data-block='1']"));
        assertTrue(anchored.getText().contains("shelters"), anchored.getText());
        Object before = browser.executeScript("return arguments[0].previousElementSibling.textContent", anchored);
        assertTrue(String.valueOf(before).contains("Друге речення"), "the paragraph before the comment: " + before);
        look("task-rejected");
        WebElement enTitle = find("target-title");
        enTitle.clear();
        enTitle.sendKeys("Kyiv prepares shelters for winter");
        waitForAutosave();
        click(By.id("submit"));
        wait.until(ExpectedConditions.urlContains("#/inbox"));
        signOut();

        // The reviewer approves both.
        signIn(reviewer);
        browser.get(base() + "/desk/#/task/" + enTask);
        // The resubmission against the one sent back: the title gained "shelters".
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#submission-diff ins"), "shelters"));
        look("review-against-previous");
        for (String task : List.of(enTask, ruTask)) {
            browser.get(base() + "/desk/#/task/" + task);
            click(By.id("approve"));
            wait.until(ExpectedConditions.urlContains("#/review"));
        }
        signOut();

        // The editor publishes every language, confirming each.
        signIn(editor);
        browser.get(base() + "/desk/#/article/" + articleId);
        for (String language : List.of("uk", "en", "ru")) {
            click(By.cssSelector("tr[data-edition='" + language + "'] button.publish"));
            Alert confirm = wait.until(ExpectedConditions.alertIsPresent());
            confirm.accept();
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("tr[data-edition='" + language + "'] .chip.PUBLISHED")));
        }
        look("article-published");
        browser.get(base() + "/desk/#/board?q=" + title.substring(title.length() - 6));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("board")));
        // The board shows the story × languages: one published chip per edition.
        assertEquals(3, browser.findElements(By.cssSelector("tr[data-article='" + articleId + "'] .chip.PUBLISHED")).size());
        look("board-published");
        // By due time: a story whose en translation is due within the hour, not the loop's (no due time).
        String dueStory = new Stories(desk).create(editor, "uk");
        String dueTask = desk.as(editor).body(Map.of("languages", List.of("en"),
                        "dueAt", Instant.now().plus(Duration.ofHours(1)).toString()))
                .post("/api/articles/" + dueStory + "/translations").then().statusCode(201).extract().path("[0].id");
        browser.get(base() + "/desk/#/board?due=soon");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-article='" + dueStory + "'] td.due")));
        assertTrue(browser.findElements(By.cssSelector("tr[data-article='" + articleId + "']")).isEmpty(), "no due time");
        look("board-due");
        browser.get(base() + "/desk/#/board?due=overdue");
        wait.until(ExpectedConditions.attributeToBe(By.id("filter-due"), "value", "overdue"));
        assertTrue(browser.findElements(By.cssSelector("tr[data-article='" + dueStory + "']")).isEmpty(), "not overdue");
        desk.as(editor).post("/api/tasks/" + dueTask + "/cancel").then().statusCode(200);
        signOut();

        browser.get(base() + "/feeds/en/feed.json");
        assertTrue(browser.getPageSource().contains("Kyiv prepares shelters for winter"), "the en story is in the feed");
        browser.get(base() + "/feeds/uk/feed.json");
        assertTrue(browser.getPageSource().contains(title), "the uk story is in the feed");

        assertEquals(List.of(), violations, "serious or critical accessibility violations");
    }

    @Test
    void aCookieWriteWithoutTheCsrfTokenIsRefused() {
        Desk.Person editor = desk.newEditor();
        var signIn = desk.anonymous().body(Map.of("username", editor.username(), "password", editor.password()))
                .post("/api/desk/session");
        signIn.then().statusCode(201);
        String cookie = signIn.getCookie("nd_session");
        String setCookie = signIn.getHeader("Set-Cookie");
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), setCookie);
        String csrf = signIn.path("csrfToken");
        Map<String, Object> story = Map.of("sourceLanguage", "uk", "section", "news", "byline", "Б",
                "title", "CSRF", "summary", "", "body", "<p>x</p>");

        desk.anonymous().cookie("nd_session", cookie).get("/api/me").then().statusCode(200)
                .body("username", org.hamcrest.Matchers.equalTo(editor.username()));
        // The bearer header wins over the cookie, and an API token is no session cookie.
        Desk.Person other = desk.newEditor();
        desk.as(other).cookie("nd_session", cookie).get("/api/me").then().statusCode(200)
                .body("username", org.hamcrest.Matchers.equalTo(other.username()));
        desk.anonymous().cookie("nd_session", other.token()).get("/api/me").then().statusCode(401);
        desk.anonymous().cookie("nd_session", cookie).body(story).post("/api/articles").then().statusCode(403)
                .contentType("application/problem+json");
        desk.anonymous().cookie("nd_session", cookie).header("X-CSRF-Token", csrf + "x").body(story)
                .post("/api/articles").then().statusCode(403);
        desk.anonymous().cookie("nd_session", cookie).header("X-CSRF-Token", csrf).body(story)
                .post("/api/articles").then().statusCode(201);

        desk.anonymous().cookie("nd_session", cookie).header("X-CSRF-Token", csrf).delete("/api/desk/session")
                .then().statusCode(204);
        desk.anonymous().cookie("nd_session", cookie).get("/api/me").then().statusCode(401);
        // A session secret is no bearer token.
        desk.anonymous().header("Authorization", "Bearer " + cookie).get("/api/me").then().statusCode(401);
    }

    private static String cyrillic(int letters) {
        StringBuilder word = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < letters; i++) {
            word.append((char) ('а' + random.nextInt(32)));
        }
        return word.toString();
    }

    private String base() {
        return desk.baseUri().toString().replaceFirst("/$", "");
    }

    private void signIn(Desk.Person person) {
        browser.get(base() + "/desk/#/signin");
        find("username").sendKeys(person.username());
        find("password").sendKeys(person.password());
        if (shot == 0) {
            look("sign-in");
        }
        click(By.id("sign-in"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-out")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("page-title")));
    }

    private void signOut() {
        click(By.id("sign-out"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signin-form")));
    }

    private String claimNext(String language) {
        browser.get(base() + "/desk/#/inbox");
        new Select(find("claim-language")).selectByValue(language);
        click(By.id("claim-next"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("target-title")));
        return browser.getCurrentUrl().replaceFirst(".*#/task/", "");
    }

    private void translate(String title, String summary, String body) {
        find("target-title").clear();
        find("target-title").sendKeys(title);
        find("target-summary").clear();
        find("target-summary").sendKeys(summary);
        find("target-body").clear();
        typeInto(find("target-body"), body);
        waitForAutosave();
    }

    private void waitForAutosave() {
        wait.until(ExpectedConditions.attributeToBe(By.id("autosave"), "data-state", "saved"));
    }

    /** Sets a long text at once (sendKeys types it key by key) and lets the page see an input event. */
    private void typeInto(WebElement field, String text) {
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));", field, text);
    }

    private WebElement find(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    private void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    /** A screenshot, the accessibility check, and proof that nothing the story carried has run. */
    private void look(String name) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("page-title")));
        Object ran = ((JavascriptExecutor) browser).executeScript("return window.ndXss === undefined ? null : window.ndXss;");
        assertEquals(null, ran, "a script from the story ran on " + name);
        try {
            byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
            Files.write(SHOTS.resolve(String.format("%02d-%s.png", ++shot, name)), png);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        JavascriptExecutor js = browser;
        js.executeScript(axe);
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then(r => done(JSON.stringify(
                  r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                   .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', ')))));""");
        if (!"[]".equals(result)) {
            violations.add(name + ": " + result);
        }
    }
}
