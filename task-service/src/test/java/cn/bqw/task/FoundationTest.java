package cn.bqw.task;

import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.ServiceFoundationTests;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class FoundationTest extends ServiceFoundationTests {}
