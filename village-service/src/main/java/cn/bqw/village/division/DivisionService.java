package cn.bqw.village.division;

import cn.bqw.platform.division.DivisionCode;
import cn.bqw.platform.division.DivisionLevel;
import cn.bqw.platform.events.Outbox;
import cn.bqw.platform.problem.ProblemException;
import cn.bqw.platform.security.RegionAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Registers and reads divisions, enforcing the code rules of DESIGN.md §2. */
@ApplicationScoped
public class DivisionService {

    @Inject
    DivisionMapper mapper;

    @Inject
    RegionAccess regionAccess;

    @Inject
    Outbox outbox;

    @Transactional
    public DivisionView register(DivisionRequest request) {
        DivisionCode code = DivisionCode.parse(request.code())
                .orElseThrow(() -> ProblemException.invalid(
                        "code", "must be 12 digits PPCCDDTTTVVV with zeros filling the lower levels"));
        regionAccess.requireWrite(code.value());
        DivisionRules.check(code, request);
        if (Division.findById(code.value()) != null) {
            throw ProblemException.conflict("division " + code + " already exists");
        }
        String parentCode = null;
        if (code.level() != DivisionLevel.CITY) {
            parentCode = code.parent().orElseThrow().value();
            if (Division.findById(parentCode) == null) {
                throw ProblemException.invalid("code", "parent division " + parentCode + " does not exist");
            }
        }
        Division division = new Division();
        division.code = code.value();
        division.level = code.level();
        division.parentCode = parentCode;
        mapper.apply(request, division);
        division.createdAt = division.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        division.persist();
        division.flush();
        DivisionView registered = mapper.toView(division);
        outbox.record(DivisionEvents.REGISTERED.of(registered.code(), registered));
        return registered;
    }

    public DivisionView get(String code) {
        Division division = Division.findById(code);
        if (division == null) {
            throw ProblemException.notFound("division", code);
        }
        return mapper.toView(division);
    }
}
