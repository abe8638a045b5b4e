package cn.bqw.platform.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Runs an {@link Admitted} endpoint in a write slot: after its body is read and its parameters
 * validated (so neither a stalled upload nor a refused body holds a slot), outside {@link
 * Idempotent} (so a write shed under load claims no key).
 */
@Admitted
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 900)
public class AdmittedWrite {

    @Inject
    WriteAdmission admission;

    @AroundInvoke
    Object admit(InvocationContext call) throws Exception {
        return admission.admit(call::proceed);
    }
}
