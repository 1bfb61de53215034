package newsdesk.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import newsdesk.language.LanguageService;
import newsdesk.platform.Conflict;
import newsdesk.platform.ETags;
import newsdesk.platform.ErrorCode;
import newsdesk.platform.FieldError;
import newsdesk.platform.Idempotency;
import newsdesk.platform.InTransaction;
import newsdesk.platform.Invalid;
import newsdesk.platform.NotFound;
import newsdesk.platform.Page;
import newsdesk.platform.PageRequest;
import newsdesk.platform.SortKey;
import newsdesk.platform.PreconditionFailed;
import newsdesk.platform.Role;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** Managing accounts: the admin's use cases. Authorization is checked by the resource's role annotations. */
@ApplicationScoped
public class AccountService {

    @Inject
    AccountRepository accounts;

    @Inject
    PasswordHasher hasher;

    @Inject
    TokenRepository tokens;

    @Inject
    TokenCache tokenCache;

    @Inject
    LanguageService languages;

    @Inject
    Idempotency idempotency;

    @Inject
    Clock clock;

    /** The result of a create: the account and whether an earlier request with the same key made it. */
    public record Created(Account account, boolean replayed) {
    }

    /**
     * Creates an account (admins); 409 when the username is taken (in any case), 422 for unknown roles or
     * languages. With an Idempotency-Key, a replay returns the account the first request made; the same
     * key with another body (another password included) is 422.
     */
    @InTransaction
    public Created create(Caller admin, CreateAccountRequest request, String idempotencyKey) {
        // The password stays out of the stored request fingerprint (a fast unsalted SHA-256 of it would sit
        // beside the Argon2 hash); a replay proves it against the account's own hash instead.
        Idempotency.Outcome outcome = idempotency.create(admin.accountId(), "accounts", idempotencyKey,
                request.withoutPassword(), () -> insert(request));
        if (outcome.replayed() && accounts.credentialsOf(outcome.resourceId())
                .filter(stored -> hasher.verify(request.password(), stored.passwordHash())).isEmpty()) {
            throw Invalid.field("Idempotency-Key", "was already used with a different request body");
        }
        return new Created(get(outcome.resourceId()), outcome.replayed());
    }

    private UUID insert(CreateAccountRequest request) {
        Set<Role> roles = parseRoles(request.roles());
        List<String> workingLanguages = checkLanguages(request.languages());
        UUID id = UUID.randomUUID();
        String displayName = request.displayName().strip();
        if (displayName.isEmpty()) {
            throw Invalid.field("displayName", "must not be blank");
        }
        accounts.insert(id, request.username(), displayName, hasher.hash(request.password()),
                roles, workingLanguages, clock.instant());
        return id;
    }

    public Account get(UUID id) {
        return accounts.find(id).orElseThrow(() -> new NotFound("No account " + id));
    }

    public Page<Account> list(PageRequest page) {
        // The cursor is the last username key of the previous page: anything else was not written by this server.
        String after = page.after() == null ? null : Usernames.key(page.after()).orElseThrow(SortKey::forged);
        return page.page(accounts.listAfter(after, page.limit()),
                account -> account.username().toLowerCase(Locale.ROOT));
    }

    /**
     * Changes the given members of an account if it is still at the version the admin read (412
     * otherwise). The last active admin cannot lose the ADMIN role or be deactivated (409).
     */
    @InTransaction
    public Account update(UUID id, long expectedVersion, UpdateAccountRequest request) {
        // Account changes queue behind each other, so two admins can't demote each other at the same moment.
        accounts.lockAccountChanges();
        Account current = get(id);
        Set<Role> roles = request.roles() == null ? current.roles() : parseRoles(request.roles());
        List<String> workingLanguages = request.languages() == null
                ? current.languages() : checkLanguages(request.languages());
        String displayName = request.displayName() == null ? current.displayName() : request.displayName().strip();
        if (displayName.isEmpty()) {
            throw Invalid.field("displayName", "must not be blank");
        }
        boolean active = request.active() == null ? current.active() : request.active();
        String passwordHash = request.password() == null ? null : hasher.hash(request.password());
        if (!accounts.update(id, expectedVersion, displayName, passwordHash, roles, workingLanguages, active,
                clock.instant())) {
            throw PreconditionFailed.stale(ETags.of(current.version()));
        }
        if (accounts.countActiveAdmins() == 0) {
            throw new Conflict(ErrorCode.CONFLICT, "This would leave Newsdesk without an active admin");
        }
        if (passwordHash != null || (current.active() && !active)) {
            // A new password (say, after a compromise) ends every session signed in with the old one, and
            // deactivation ends them all for good: re-activating must not bring old tokens back to life.
            tokens.revokeAll(id, clock.instant());
        }
        // Roles, languages, activity: the callers its tokens stand for changed, on every instance.
        tokens.announceAccountChange(id);
        tokenCache.forgetAccountAfterCommit(id);
        return get(id);
    }

    private static Set<Role> parseRoles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<FieldError> errors = new ArrayList<>();
        for (String name : names == null ? List.<String>of() : names) {
            Role.parse(name).ifPresentOrElse(roles::add, () -> errors.add(new FieldError("roles",
                    "unknown role " + name + "; use ADMIN, EDITOR, TRANSLATOR or REVIEWER")));
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        return roles;
    }

    private List<String> checkLanguages(List<String> codes) {
        Set<String> known = languages.codes();
        List<String> result = new ArrayList<>(new LinkedHashSet<>(codes == null ? List.of() : codes));
        List<FieldError> errors = result.stream().filter(code -> !known.contains(code))
                .map(code -> new FieldError("languages", "unknown site language " + code))
                .toList();
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        return result;
    }
}
