package org.tandem.bot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Dependencies point one way: channels -> conversation -> core; channels never meet. */
@AnalyzeClasses(packages = "org.tandem", importOptions = ImportOption.DoNotIncludeTests.class)
class BotArchitectureTest {

  @ArchTest
  static final ArchRule theEngineKnowsNoChannel =
      noClasses()
          .that()
          .resideInAPackage("org.tandem.bot.conversation..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.tandem.bot.slack..",
              "org.tandem.bot.teams..",
              "org.tandem.bot.web..",
              "com.slack.api..",
              "jakarta.servlet..");

  @ArchTest
  static final ArchRule slackAndTeamsNeverImportEachOther =
      noClasses()
          .that()
          .resideInAPackage("org.tandem.bot.slack..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.tandem.bot.teams..");

  @ArchTest
  static final ArchRule teamsNeverImportsSlack =
      noClasses()
          .that()
          .resideInAPackage("org.tandem.bot.teams..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.tandem.bot.slack..", "com.slack.api..")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule theCoreKnowsNoBot =
      noClasses()
          .that()
          .resideInAPackage("org.tandem.core..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.tandem.bot..");
}
