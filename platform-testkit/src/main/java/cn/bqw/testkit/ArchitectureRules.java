package cn.bqw.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.List;

/**
 * The rules every module's main classes keep: its feature packages form no cycle (a cycle makes
 * two features one, whatever the folders say), and it uses no other module but the ones it is
 * built on — no service reaches into another, everything they share lives in platform-common.
 */
public final class ArchitectureRules {

    /** The root package of each module of the build. */
    static final List<String> MODULES = List.of(
            "cn.bqw.platform",
            "cn.bqw.local",
            "cn.bqw.testkit",
            "cn.bqw.launcher",
            "cn.bqw.village",
            "cn.bqw.indicator",
            "cn.bqw.report",
            "cn.bqw.task",
            "cn.bqw.deploy");

    private ArchitectureRules() {}

    /** Checks the module rooted at {@code module}, which may use the modules rooted at {@code builtOn}. */
    public static void check(String module, String... builtOn) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(module);
        if (classes.isEmpty()) {
            throw new AssertionError("no main classes found under " + module);
        }
        slices().matching(module + ".(*)..")
                .should()
                .beFreeOfCycles()
                .because("a feature package is a unit a newcomer can read on its own")
                .check(classes);
        List<String> allowed = Arrays.asList(builtOn);
        String[] others = MODULES.stream()
                .filter(root -> !root.equals(module) && !allowed.contains(root))
                .map(root -> root + "..")
                .toArray(String[]::new);
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(others)
                .because(module + " is built on " + (allowed.isEmpty() ? "no other module" : allowed))
                .check(classes);
    }
}
