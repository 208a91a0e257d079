package dev.hangar.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import dev.hangar.MayUse;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkClient;

/**
 * The layer table (each top-level package's {@link MayUse}) and the rules of the house, on the main classes.
 * A rule that fails names the class and the dependency that breaks it.
 */
class ArchitectureTest {

    private static final String ROOT = "dev.hangar";

    private static JavaClasses main;
    private static Set<String> packages;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
        packages = main.stream().map(ArchitectureTest::topLevel).filter(p -> !p.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyTopLevelPackageDeclaresWhatItMayUse() throws ClassNotFoundException {
        assertThat(packages).contains("spec", "blueprint", "provision", "ui", "app");
        for (String pkg : packages) {
            assertThat(mayUse(pkg)).as("dev.hangar.%s/package-info.java must say @MayUse({...})", pkg).isNotNull();
        }
    }

    @Test
    void eachPackageUsesOnlyWhatItsPackageInfoAllows() throws ClassNotFoundException {
        LayeredArchitecture layers = Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true);
        for (String pkg : packages) {
            layers = layers.layer(pkg).definedBy(ROOT + "." + pkg + "..");
        }
        for (String pkg : packages) {
            List<String> allowed = Arrays.asList(mayUse(pkg).value());
            if (allowed.contains(MayUse.ALL)) {
                continue;
            }
            String[] accessible = packages.stream().filter(p -> !p.equals(pkg) && allowed.contains(p)).toArray(String[]::new);
            String[] accessors = packages.stream().filter(p -> !p.equals(pkg) && (mayUseQuietly(p).contains(pkg) || mayUseQuietly(p).contains(MayUse.ALL))).toArray(String[]::new);
            layers = accessors.length == 0 ? layers.whereLayer(pkg).mayNotBeAccessedByAnyLayer()
                    : layers.whereLayer(pkg).mayOnlyBeAccessedByLayers(accessors);
            layers = accessible.length == 0 ? layers.whereLayer(pkg).mayNotAccessAnyLayer()
                    : layers.whereLayer(pkg).mayOnlyAccessLayers(accessible);
        }
        layers.check(main);
    }

    @Test
    void noCycleBetweenTopLevelPackages() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void theMonitorWindowAndTheSharedUiDoNotDependOnTheWizard() {
        noClasses().that().resideInAPackage(ROOT + ".ui..").and().resideOutsideOfPackage(ROOT + ".ui.wizard..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".ui.wizard..")
                .because("the wizard's steps sit on top of the shared UI, and the monitor stands beside the wizard").check(main);
    }

    @Test
    void onlyTheUiAndTheAppUseJavaFx() {
        noClasses().that().resideOutsideOfPackages(ROOT + ".ui..", ROOT + ".app..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("the engine runs headless and is tested without a window").check(main);
    }

    @Test
    void awsClientsAreBuiltOnlyInTheAwsPackage() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage(ROOT + ".aws..")
                .should().callMethodWhere(describe("a builder or create() of an AWS SDK client", (JavaMethodCall call) ->
                        call.getTargetOwner().isAssignableTo(SdkClient.class)
                                && Set.of("builder", "create").contains(call.getName())))
                .because("one factory sets the region, credentials, endpoint and retries of every client");
        rule.check(main);
    }

    @Test
    void onlyTheAppAndTheCommandLineExitTheProcess() {
        noClasses().that().resideOutsideOfPackages(ROOT + ".app..", ROOT + ".cli..")
                .should().callMethod(System.class, "exit", int.class)
                .because("the engine reports failures to its caller; only the entry points decide the exit code").check(main);
    }

    private static MayUse mayUse(String pkg) throws ClassNotFoundException {
        return Class.forName(ROOT + "." + pkg + ".package-info").getAnnotation(MayUse.class);
    }

    private static List<String> mayUseQuietly(String pkg) {
        try {
            MayUse m = mayUse(pkg);
            return m == null ? List.of() : Arrays.asList(m.value());
        } catch (ClassNotFoundException e) {
            return List.of();
        }
    }

    private static String topLevel(JavaClass c) {
        String name = c.getPackageName();
        if (!name.startsWith(ROOT + ".")) {
            return "";
        }
        String rest = name.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
