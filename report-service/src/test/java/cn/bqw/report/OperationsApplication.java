package cn.bqw.report;

/**
 * The application of the tests that rebuild the projection (the rebuild test, the permission matrix,
 * whose admin really starts one): its own database and consumers reading every topic from the start,
 * reporting on the rebuild test's city.
 */
public class OperationsApplication extends OwnApplication {
    public OperationsApplication() {
        super("report-rebuild", "940100000000");
    }
}
