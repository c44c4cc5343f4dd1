package lu.kulturpass.core.pass;

/** Where a pass stands in its lifecycle. Only issuing exists so far; the full machine comes next. */
public enum PassStatus {
    ACTIVE
}
