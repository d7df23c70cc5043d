package org.tandem.bot.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.bot.conversation.ConversationEngine;
import org.tandem.bot.conversation.Inbound;
import org.tandem.bot.conversation.Reply;
import org.tandem.bot.conversation.Who;
import org.tandem.bot.conversation.directory.DirectoryFile;
import org.tandem.bot.conversation.directory.DirectoryUploads;
import org.tandem.bot.demo.TryItMode;
import org.tandem.core.people.Employee;
import org.tandem.core.people.IdentityKind;
import org.tandem.core.people.NewPerson;
import org.tandem.core.people.People;
import org.tandem.core.tenants.Platform;
import org.tandem.core.tenants.Tenant;
import org.tandem.core.tenants.Tenants;

/**
 * The try-it chat: a page where anyone evaluating Tandem picks a demo person and talks to the same
 * engine Slack and Teams use. Anyone on the page may act as the demo admin, so it exists only in
 * {@link TryItMode}: with no Slack, Teams or database setting, or with {@code TANDEM_TRY_IT=true}
 * (then on 127.0.0.1 only). Beside the demo company, a visitor may start an empty company of their
 * own and set it up as its installer.
 */
@RestController
@Conditional(TryItMode.class)
class TryChatController {

  static final String DEMO_TENANT = "demo";

  /**
   * An empty company's id, which is also its installer's handle: a try-it tenant (LOCAL, so never
   * linkable to Slack or Teams) with nobody but the visitor, who installed it.
   */
  static final String EMPTY_PREFIX = "empty-";

  private final ConversationEngine engine;
  private final HtmlRenderer renderer;
  private final Tenants tenants;
  private final People people;
  private final DirectoryUploads uploads;

  TryChatController(
      ConversationEngine engine,
      HtmlRenderer renderer,
      Tenants tenants,
      People people,
      DirectoryUploads uploads) {
    this.uploads = uploads;
    this.engine = engine;
    this.renderer = renderer;
    this.tenants = tenants;
    this.people = people;
  }

  @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
  String page() throws java.io.IOException {
    return new ClassPathResource("web/try.html").getContentAsString(StandardCharsets.UTF_8);
  }

  /** The page's own words, in the language picked on the page. */
  static final List<String> PAGE_WORDS =
      List.of(
          "try.title",
          "try.lead",
          "try.start",
          "try.empty",
          "try.placeholder",
          "try.send",
          "try.talkingAs",
          "try.role.admin",
          "try.role.csr",
          "try.role.employee",
          "try.help",
          "try.upload",
          "try.company",
          "try.company.lead");

  @GetMapping("/try/words")
  Map<String, String> words(@RequestParam(defaultValue = "en") String locale) {
    org.tandem.bot.conversation.Texts texts =
        org.tandem.bot.conversation.Texts.of(java.util.Locale.forLanguageTag(locale));
    Map<String, String> words = new java.util.LinkedHashMap<>();
    PAGE_WORDS.forEach(k -> words.put(k, texts.t(k)));
    return words;
  }

  record Person(String handle, String name, String site, List<String> roles, String locale) {}

  @GetMapping("/try/people")
  List<Person> demoPeople() {
    Optional<Tenant> demo = tenants.find(Platform.LOCAL, DEMO_TENANT);
    if (demo.isEmpty()) {
      return List.of();
    }
    return people.members(demo.get().id()).stream()
        .map(
            e ->
                new Person(
                    e.email() == null ? "" : e.email().substring(0, e.email().indexOf('@')),
                    e.displayName(),
                    e.site(),
                    e.roles().stream().map(Enum::name).sorted().toList(),
                    e.locale().getLanguage()))
        .filter(p -> !p.handle().isEmpty())
        .toList();
  }

  record Company(String handle, String name, String company, String locale) {}

  /**
   * "Start an empty company": a new try-it company with no demo data, whose only person is the
   * visitor, its installer (admin and CSR manager, as after a Slack or Teams install), who then
   * walks the setup checklist as a real installer would.
   */
  @PostMapping("/try/company")
  Company emptyCompany(@RequestParam(defaultValue = "en") String locale) {
    java.util.Locale language =
        org.tandem.bot.conversation.Texts.supported(java.util.Locale.forLanguageTag(locale));
    org.tandem.bot.conversation.Texts texts = org.tandem.bot.conversation.Texts.of(language);
    String id = EMPTY_PREFIX + java.util.UUID.randomUUID().toString().substring(0, 8);
    // A company named and placed as its visitor's language suggests (its policy starts there).
    Tenant t =
        tenants.findOrCreate(
            Platform.LOCAL, id, texts.t("try.company.name"), texts.t("try.company.country"));
    Employee you =
        people.enrol(
            t.id(),
            IdentityKind.LOCAL,
            id,
            new NewPerson(
                texts.t("try.company.founder"), null, language, java.time.ZoneId.of(t.timeZone())));
    you = people.installedByFirst(t.id(), you.id());
    return new Company(id, you.displayName(), t.name(), language.getLanguage());
  }

  record MessageRequest(String handle, String locale, String text) {}

  record ActionRequest(String handle, String locale, String id, Map<String, String> data) {}

  record SubmitRequest(
      String handle,
      String locale,
      String formId,
      Map<String, List<String>> values,
      Map<String, String> context) {}

  @PostMapping(value = "/try/message", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> message(@RequestBody MessageRequest r) {
    return answer(r.handle(), r.locale(), who -> new Inbound.Text(who, r.text()));
  }

  @PostMapping(value = "/try/action", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> action(@RequestBody ActionRequest r) {
    return answer(
        r.handle(),
        r.locale(),
        who -> new Inbound.Action(who, nz(r.id()), r.data() == null ? Map.of() : r.data()));
  }

  @PostMapping(value = "/try/submit", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> submit(@RequestBody SubmitRequest r) {
    return answer(
        r.handle(),
        r.locale(),
        who ->
            new Inbound.Submit(
                who,
                nz(r.formId()),
                r.values() == null ? Map.of() : r.values(),
                r.context() == null ? Map.of() : r.context()));
  }

  private ResponseEntity<String> answer(
      String handle, String locale, java.util.function.Function<Who, Inbound> inbound) {
    return reply(handle, locale, who -> engine.handle(inbound.apply(who)));
  }

  /**
   * The upload button: the file's bytes as the request's body, its name in the query; read up to
   * {@link DirectoryFile#MAX_BYTES} and no further.
   */
  @PostMapping(value = "/try/upload", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> upload(
      @RequestParam String handle,
      @RequestParam(required = false) String locale,
      @RequestParam(defaultValue = "") String name,
      jakarta.servlet.http.HttpServletRequest request)
      throws java.io.IOException {
    byte[] content = request.getInputStream().readNBytes(DirectoryFile.MAX_BYTES + 1);
    return reply(
        handle,
        locale,
        who ->
            uploads
                .before(who, name, content.length)
                .orElseGet(() -> uploads.received(who, name, content)));
  }

  private ResponseEntity<String> reply(
      String handle, String locale, java.util.function.Function<Who, Reply> answer) {
    // A demo person, or the installer of an empty company (their handle names it).
    String h = nz(handle);
    Optional<Employee> me =
        tenants
            .find(Platform.LOCAL, h.startsWith(EMPTY_PREFIX) ? h : DEMO_TENANT)
            .flatMap(t -> people.identify(t.id(), IdentityKind.LOCAL, h));
    if (me.isEmpty()) {
      return ResponseEntity.badRequest()
          .body(
              renderer.render(
                  Reply.notice(
                      Reply.Notice.Level.WARNING,
                      org.tandem.bot.conversation.Texts.of(
                              java.util.Locale.forLanguageTag(locale == null ? "en" : locale))
                          .t("try.pick"))));
    }
    Employee e = me.get();
    java.util.Locale language =
        locale == null || locale.isBlank() ? e.locale() : java.util.Locale.forLanguageTag(locale);
    Who who = Who.of(e, language, "web");
    return ResponseEntity.ok(renderer.render(answer.apply(who)));
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
