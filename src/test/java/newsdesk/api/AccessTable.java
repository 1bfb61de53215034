package newsdesk.api;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who may call what (DESIGN.md §4 and §4.1), one row per operationId. The fixture's task is in
 * language L1 and claimed by {@link Caller#HOLDER}; the other callers meet it from outside.
 */
final class AccessTable {

    /** The people the generated tests send requests as. */
    enum Caller {
        ANONYMOUS, ADMIN, EDITOR,
        /** translator in L1 holding the fixture's task */
        HOLDER,
        /** another translator in L1: someone else's task */
        TRANSLATOR_SAME_LANGUAGE,
        /** translator in L2 only */
        TRANSLATOR_OTHER_LANGUAGE,
        /** reviewer in L1 */
        REVIEWER,
        /** reviewer in L2 only: outside the task's language */
        REVIEWER_OTHER_LANGUAGE
    }

    /** What the design requires of an answer. */
    enum Access {
        /** public: any caller gets past authorization (no 401/403) */
        PUBLIC('P'),
        /** gets past authorization: no 401/403 (the answer may still be 404, 409, 422 …) */
        ALLOWED('A'),
        /** exactly 401: sign in first */
        UNAUTHENTICATED('U'),
        /** exactly 403: signed in without the role */
        FORBIDDEN('F'),
        /** refused for scope (another's task, another language): any 4xx, never 2xx */
        REFUSED('R');

        final char letter;

        Access(char letter) {
            this.letter = letter;
        }

        boolean mayPass() {
            return this == PUBLIC || this == ALLOWED;
        }

        static Access of(char letter) {
            for (Access access : values()) {
                if (access.letter == letter) {
                    return access;
                }
            }
            throw new IllegalArgumentException("no access " + letter);
        }
    }

    // Columns: anonymous, admin, editor, holder, translator same language, translator other language,
    // reviewer, reviewer other language.
    private static final String PUBLIC = "PPPPPPPP";
    private static final String ADMIN_ONLY = "UAFFFFFF";
    private static final String SIGNED_IN = "UAAAAAAA";
    private static final String STAFF = "UAAAAAAA";
    private static final String EDITOR_ONLY = "UFAFFFFF";
    private static final String TASK_READERS = "UAAAARAR";
    private static final String CLAIM_HOLDER = "UFFARRFF";
    private static final String REVIEWERS_OF_THE_LANGUAGE = "UFFFFFAR";

    static final Map<String, Map<Caller, Access>> ROWS = new TreeMap<>();

    static {
        row("tokenSignIn", PUBLIC);
        row("tokenSignOut", SIGNED_IN);
        row("me", SIGNED_IN);
        row("accountCreate", ADMIN_ONLY);
        row("accountList", ADMIN_ONLY);
        row("accountGet", ADMIN_ONLY);
        row("accountUpdate", ADMIN_ONLY);
        row("languageList", PUBLIC);
        row("languagePut", ADMIN_ONLY);
        row("clockAdvance", ADMIN_ONLY);
        row("ping", PUBLIC);
        // The desk in a browser (§4.1): the page is public (it holds no data), its session is the account's
        row("deskPage", PUBLIC);
        row("deskAsset", PUBLIC);
        row("sessionSignIn", PUBLIC);
        row("sessionCurrent", SIGNED_IN);
        row("sessionLanguage", SIGNED_IN);
        row("sessionSignOut", SIGNED_IN);

        row("articleCreate", EDITOR_ONLY);
        row("articleList", STAFF);
        row("articleGet", STAFF);
        row("articleChangeMetadata", EDITOR_ONLY);
        row("articleEdition", STAFF);
        row("articleRevisions", STAFF);
        row("articleRevision", STAFF);
        row("articleDiff", STAFF);
        row("articleEvents", STAFF);
        row("articleSave", EDITOR_ONLY);
        row("articlePublish", EDITOR_ONLY);
        row("articleUnschedule", EDITOR_ONLY);
        row("articleWithdraw", EDITOR_ONLY);
        row("translationRequest", EDITOR_ONLY);

        row("taskList", STAFF);
        row("taskGet", TASK_READERS);
        row("taskSourceDiff", TASK_READERS);
        // claim-next asks for L1: a translator of L2 is refused that language
        row("taskClaimNext", "UFFAARFF");
        row("taskClaim", CLAIM_HOLDER);
        row("taskRelease", CLAIM_HOLDER);
        row("taskSaveDraft", CLAIM_HOLDER);
        row("taskSubmit", CLAIM_HOLDER);
        row("taskRebase", CLAIM_HOLDER);
        row("taskApprove", REVIEWERS_OF_THE_LANGUAGE);
        row("taskReject", REVIEWERS_OF_THE_LANGUAGE);
        row("taskCancel", EDITOR_ONLY);
        row("taskReassign", EDITOR_ONLY);
        // XLIFF (§4.1): export by the holder, a reviewer of the language or an editor; import by the holder
        row("taskXliffExport", "UAAARRAR");
        row("taskXliffUpload", CLAIM_HOLDER);
        row("taskXliffZipExport", STAFF);
        row("taskXliffZipUpload", "UFFAAAFF");
        // Glossary (§4.1): staff read it, editors and admins keep it; a reviewer of the language overrides a hit
        row("glossaryList", STAFF);
        row("glossaryGet", STAFF);
        row("glossaryCreate", "UAAFFFFF");
        row("glossaryUpdate", "UAAFFFFF");
        row("glossaryDelete", "UAAFFFFF");
        row("taskOverrideGlossary", REVIEWERS_OF_THE_LANGUAGE);
        // Translation memory (§4.1): search by the staff; delete and TMX by editors and admins
        row("memoryList", STAFF);
        row("memoryDelete", "UAAFFFFF");
        row("memoryExportTmx", "UAAFFFFF");
        row("memoryImportTmx", "UAAFFFFF");

        row("feedRss", PUBLIC);
        row("feedAtom", PUBLIC);
        row("feedJson", PUBLIC);
        row("feedArchive", PUBLIC);
        row("sitemapNews", PUBLIC);
        row("sitemapArticles", PUBLIC);
        row("publicArticlePublished", PUBLIC);
        row("publicArticleList", PUBLIC);

        row("webhookCreate", ADMIN_ONLY);
        row("webhookList", ADMIN_ONLY);
        row("webhookGet", ADMIN_ONLY);
        row("webhookUpdate", ADMIN_ONLY);
        row("webhookDelete", ADMIN_ONLY);
        row("webhookDeliveries", ADMIN_ONLY);
    }

    private AccessTable() {
    }

    private static void row(String operationId, String letters) {
        Caller[] callers = Caller.values();
        if (letters.length() != callers.length) {
            throw new IllegalArgumentException(operationId + ": one letter per caller");
        }
        Map<Caller, Access> row = new EnumMap<>(Caller.class);
        for (int i = 0; i < callers.length; i++) {
            row.put(callers[i], Access.of(letters.charAt(i)));
        }
        if (ROWS.put(operationId, row) != null) {
            throw new IllegalArgumentException(operationId + " has two rows");
        }
    }

    /** The first caller who may call the operation (the bad-input corpus signs in as them). */
    static Caller permitted(String operationId) {
        return ROWS.get(operationId).entrySet().stream().filter(e -> e.getValue().mayPass())
                .filter(e -> e.getKey() != Caller.ANONYMOUS || e.getValue() == Access.PUBLIC)
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }
}
