package cn.bqw.task.department;

/** A department as the API and {@code bqw.department.registered.v1} show it. */
public record DepartmentView(String code, String nameZh, String region, long version) {

    static DepartmentView of(Department department) {
        return new DepartmentView(department.code, department.nameZh, department.regionCode, department.version);
    }
}
