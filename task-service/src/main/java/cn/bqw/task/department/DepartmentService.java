package cn.bqw.task.department;

import cn.bqw.platform.audit.AuditTrail;
import cn.bqw.platform.events.Outbox;
import cn.bqw.platform.problem.ProblemException;
import cn.bqw.platform.region.RegionWrites;
import cn.bqw.platform.security.Permission;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** Registers and lists the departments of each region. */
@ApplicationScoped
public class DepartmentService {

    @Inject
    RegionWrites regionWrites;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Transactional
    public DepartmentView register(DepartmentRequest request) {
        regionWrites.require(Permission.DEPARTMENT_REGISTER, request.region());
        if (Department.findById(request.code()) != null) {
            throw ProblemException.conflict("department " + request.code() + " already exists");
        }
        Department department = new Department();
        department.code = request.code();
        department.nameZh = request.nameZh().strip();
        department.regionCode = request.region();
        department.stampCreated();
        department.persistAndFlush();
        DepartmentView view = DepartmentView.of(department);
        audit.record("department", view.code(), "REGISTERED", null, view);
        outbox.record(DepartmentEvents.REGISTERED.of(view.code(), view));
        return view;
    }

    /** The departments of a region (null: every region), by code. */
    @Transactional
    public List<DepartmentView> list(String region) {
        List<Department> found = region == null
                ? Department.listAll(Sort.by("code"))
                : Department.list("regionCode", Sort.by("code"), region);
        return found.stream().map(DepartmentView::of).toList();
    }
}
