package lu.kulturpass.token;

/** Who a pass admits: one adult, one child, or a group brought by a partner association. */
public enum PassCategory {
    ADULT(0),
    CHILD(1),
    COLLECTIVE(2);

    final int code;

    PassCategory(int code) {
        this.code = code;
    }

    static PassCategory fromCode(int code) {
        for (PassCategory category : values()) {
            if (category.code == code) {
                return category;
            }
        }
        return null;
    }
}
