package cn.bqw.village;

import cn.bqw.testkit.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** No cycle among this module's feature packages, and no module used but the ones it is built on. */
class ArchitectureTest {

    @Test
    void featurePackagesFormNoCycleAndNoOtherModuleIsUsed() {
        ArchitectureRules.check("cn.bqw.village", "cn.bqw.platform");
    }
}
