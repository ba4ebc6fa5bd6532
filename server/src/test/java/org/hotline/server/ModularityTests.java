package org.hotline.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the module and package structure of the architecture sketch: dependencies point one way, internals stay inside. */
class ModularityTests {

    private static JavaClasses classes;

    @BeforeAll
    static void importAll() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.hotline");
    }

    @Test
    void ctiCoreDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("org.hotline.cti..")
                .should().dependOnClassesThat().resideInAnyPackage("org.hotline.desktop..", "org.hotline.sms..",
                        "org.hotline.ivr..", "org.hotline.reports..", "org.hotline.server..", "org.hotline.pbxsim..",
                        "org.hotline.workorder..")
                .check(classes);
    }

    @Test
    void featureModulesDoNotDependOnEachOtherOrOnTheServer() {
        String[] features = {"org.hotline.desktop..", "org.hotline.sms..", "org.hotline.ivr..", "org.hotline.reports..",
            "org.hotline.workorder.."};
        for (String feature : features) {
            Set<String> others = new TreeSet<>(Set.of(features));
            others.remove(feature);
            others.add("org.hotline.server..");
            noClasses().that().resideInAPackage(feature)
                    .should().dependOnClassesThat().resideInAnyPackage(others.toArray(String[]::new))
                    .check(classes);
        }
    }

    @Test
    void internalPackagesAreUsedOnlyByTheirOwnCapability() {
        Set<String> capabilities = new TreeSet<>();
        for (JavaClass c : classes) {
            String pkg = c.getPackageName();
            int internal = pkg.indexOf(".internal");
            if (internal > 0) {
                capabilities.add(pkg.substring(0, internal));
            }
        }
        assertThat(capabilities).contains("org.hotline.cti.ami", "org.hotline.cti.call", "org.hotline.cti.push",
                "org.hotline.workorder");
        for (String capability : capabilities) {
            noClasses().that().resideOutsideOfPackage(capability + "..")
                    .should().dependOnClassesThat().resideInAPackage(capability + ".internal..")
                    .because("internals of " + capability + " are its own")
                    .check(classes);
        }
    }

    @Test
    void vendorLibrariesStayInOneInternalPackageEach() {
        noClasses().that().resideOutsideOfPackage("org.hotline.cti.push.internal..")
                .should().dependOnClassesThat().resideInAPackage("io.lettuce..").check(classes);
        noClasses().that().resideOutsideOfPackage("org.hotline.ivr.internal..")
                .should().dependOnClassesThat().resideInAPackage("org.asteriskjava..").check(classes);
        noClasses().that().resideInAPackage("org.hotline.cti..").and().resideOutsideOfPackage("org.hotline.cti.ami..")
                .should().dependOnClassesThat().resideInAPackage("io.netty..").check(classes);
        noClasses().that().resideOutsideOfPackages("org.hotline.sms.smpp.internal..", "org.hotline.smscsim..")
                .should().dependOnClassesThat().resideInAPackage("org.jsmpp..").check(classes);
    }

    @Test
    void capabilitiesOfCtiCoreHaveNoCycles() {
        slices().matching("org.hotline.cti.(*)..").should().beFreeOfCycles().check(classes);
    }
}
