package newsdesk.platform;

import java.util.Arrays;
import java.util.Optional;

/** What an account may do on the desk; an account holds any combination. */
public enum Role {
    ADMIN, EDITOR, TRANSLATOR, REVIEWER;

    public static Optional<Role> parse(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst();
    }
}
