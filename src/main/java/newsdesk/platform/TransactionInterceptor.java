package newsdesk.platform;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** The implementation of {@link InTransaction}. */
@InTransaction
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
public class TransactionInterceptor {

    @Inject
    Jdbc jdbc;

    @AroundInvoke
    public Object inTransaction(InvocationContext invocation) throws Exception {
        return jdbc.inTransaction(invocation::proceed);
    }
}
