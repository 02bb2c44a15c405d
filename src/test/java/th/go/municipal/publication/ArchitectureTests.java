package th.go.municipal.publication;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.data.repository.Repository;

/**
 * The package rules of the README's layout: which capability may use which (the table below is the
 * README's), no cycles between them, and a capability's data (JPA entities, Spring Data
 * repositories) is its own: other capabilities call its services.
 */
class ArchitectureTests {

  private static final String BASE = "th.go.municipal.publication";

  /** Each capability and the capabilities it may use; the README's table says the same. */
  static final Map<String, List<String>> MAY_USE = new LinkedHashMap<>();

  static {
    MAY_USE.put("common", List.of());
    MAY_USE.put("identity", List.of("common"));
    MAY_USE.put("audit", List.of("common", "identity", "notification"));
    MAY_USE.put("notification", List.of("common", "identity"));
    MAY_USE.put("request", List.of("common", "identity", "audit", "notification"));
    MAY_USE.put("incident", List.of("common", "identity", "audit", "notification"));
    MAY_USE.put("inquiry", List.of("common", "identity", "audit", "notification"));
    MAY_USE.put("publishing", List.of("common", "identity", "audit", "notification", "request"));
    MAY_USE.put("website", List.of("common", "identity", "publishing", "request"));
    MAY_USE.put(
        "reporting",
        List.of(
            "common",
            "identity",
            "audit",
            "notification",
            "request",
            "incident",
            "inquiry",
            "publishing",
            "website"));
    MAY_USE.put("config", List.of("common", "identity"));
    MAY_USE.put("operations", List.of("common", "notification"));
  }

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(BASE);

  @TestFactory
  List<DynamicTest> eachCapabilityUsesOnlyTheCapabilitiesItsRowAllows() {
    return MAY_USE.entrySet().stream()
        .map(
            row ->
                DynamicTest.dynamicTest(
                    row.getKey() + " uses only " + row.getValue(),
                    () -> {
                      Set<String> forbidden = new HashSet<>(MAY_USE.keySet());
                      forbidden.remove(row.getKey());
                      row.getValue().forEach(forbidden::remove);
                      if (!forbidden.isEmpty()) {
                        noClasses()
                            .that()
                            .resideInAPackage(BASE + "." + row.getKey() + "..")
                            .should()
                            .dependOnClassesThat()
                            .resideInAnyPackage(
                                forbidden.stream()
                                    .map(p -> BASE + "." + p + "..")
                                    .toArray(String[]::new))
                            .check(MAIN);
                      }
                    }))
        .toList();
  }

  @Test
  void everyPackageOfTheServiceHasARowInTheTable() {
    Set<String> packages = new HashSet<>();
    for (JavaClass type : MAIN) {
      String name = type.getPackageName();
      if (name.startsWith(BASE + ".")) {
        packages.add(name.substring(BASE.length() + 1).split("\\.")[0]);
      }
    }
    org.assertj.core.api.Assertions.assertThat(MAY_USE.keySet()).containsAll(packages);
  }

  /**
   * The public API only; the one exception is the type that the public {@code
   * IdentityService.getCurrentAuthentication()} itself returns.
   */
  @Test
  void nothingUsesTheEnginesInternalClasses() {
    noClasses()
        .should()
        .dependOnClassesThat(
            JavaClass.Predicates.resideInAPackage("org.camunda.bpm.engine.impl..")
                .and(
                    DescribedPredicate.not(
                        JavaClass.Predicates.equivalentTo(
                            org.camunda.bpm.engine.impl.identity.Authentication.class))))
        .because("the developers' guide asks for the engine's public API only")
        .check(MAIN);
  }

  @Test
  void capabilitiesHaveNoCycles() {
    slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(MAIN);
  }

  @TestFactory
  List<DynamicTest> aCapabilitysEntitiesAndRepositoriesAreUsedOnlyInsideIt() {
    return MAY_USE.keySet().stream()
        .map(
            capability ->
                DynamicTest.dynamicTest(
                    capability + "'s data is its own",
                    () ->
                        noClasses()
                            .that()
                            .resideOutsideOfPackage(BASE + "." + capability + "..")
                            .should()
                            .dependOnClassesThat(dataOf(capability))
                            .allowEmptyShould(true)
                            .check(MAIN)))
        .toList();
  }

  private static DescribedPredicate<JavaClass> dataOf(String capability) {
    String pkg = BASE + "." + capability;
    return DescribedPredicate.describe(
        "entities or repositories of " + capability,
        type ->
            (type.getPackageName().equals(pkg) || type.getPackageName().startsWith(pkg + "."))
                && (type.isAnnotatedWith(Entity.class) || type.isAssignableTo(Repository.class)));
  }
}
