package org.tandem.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.tandem.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

  @ArchTest
  static final ArchRule coreDependsOnNoChannelOrWebCode =
      noClasses()
          .that()
          .resideInAPackage("org.tandem.core..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.tandem.bot..",
              "com.slack.api..",
              "com.microsoft.bot..",
              "jakarta.servlet..",
              "javax.servlet..",
              "org.springframework.web..",
              "org.springframework.http..",
              "org.apache.catalina..");
}
