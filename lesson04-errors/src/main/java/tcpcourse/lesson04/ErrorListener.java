package tcpcourse.lesson04;

import java.io.IOException;

/** Node's {@code 'error'} event: called with each failure, classified, instead of a stack trace. */
@FunctionalInterface
public interface ErrorListener {

    /**
     * Called once for each failure.
     *
     * @param code what kind of failure, by Node's code
     * @param failure the exception, with the system's own message
     */
    void onError(ErrorCode code, IOException failure);
}
