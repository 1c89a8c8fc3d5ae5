package dev.mediapipeline.domain;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

class DomainDependencyRulesTest {

    private final JavaClasses domain = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.mediapipeline.domain");

    @Test
    void domainDependsOnTheJdkAndTheLoggingApiOnly() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("dev.mediapipeline.domain..", "java..", "org.slf4j..")
                .because("the domain knows no framework and no cloud (DESIGN.md, rules of the house)")
                .check(domain);
    }

    @Test
    void portsAreInterfaces() {
        classes().that().resideInAPackage("..domain.port").and().areTopLevelClasses()
                .and().areNotRecords()
                .should().beInterfaces()
                .check(domain);
    }
}
