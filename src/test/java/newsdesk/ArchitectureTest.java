package newsdesk;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The layering of conventions.md, checked on every build. */
class ArchitectureTest {

    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("newsdesk");

    @Test
    void resourcesTouchNeitherSqlNorRepositories() {
        noClasses().that().areAnnotatedWith(Path.class)
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .check(APP);
    }

    @Test
    void onlyRepositoriesAndPlatformTouchJdbc() {
        noClasses().that().resideOutsideOfPackages("newsdesk.platform..", "newsdesk.launcher..")
                .and().haveSimpleNameNotEndingWith("Repository")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
                .check(APP);
    }

    @Test
    void featuresReachEachOtherThroughServicesNotRepositories() {
        APP.stream().map(JavaClass::getPackageName).filter(p -> p.chars().filter(c -> c == '.').count() == 1)
                .distinct().forEach(feature -> noClasses().that().resideOutsideOfPackage(feature + "..")
                        .should().dependOnClassesThat(resideInAPackage(feature + "..")
                                .and(simpleNameEndingWith("Repository")))
                        .check(APP));
    }

    @Test
    void onlyPlatformMapsExceptions() {
        classes().that().implement(ExceptionMapper.class).should().resideInAPackage("newsdesk.platform").check(APP);
    }

    @Test
    void theWorkflowDependsOnlyOnJava() {
        classes().that().resideInAPackage("newsdesk.workflow..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "newsdesk.workflow..")
                .check(APP);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("newsdesk.(*)..").should().beFreeOfCycles().check(APP);
    }

    @Test
    void theApplicationDoesNotDependOnTheLauncher() {
        noClasses().that().resideOutsideOfPackage("newsdesk.launcher..")
                .should().dependOnClassesThat().resideInAPackage("newsdesk.launcher..")
                .check(APP);
    }

    @Test
    void noSystemOutAndNoGenericExceptions() {
        NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(APP);
        NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS.check(APP);
    }
}
