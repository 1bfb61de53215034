package newsdesk.article;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** POST …/withdraw: taking a published edition down needs a reason (it goes to the audit trail and feeds). */
public record WithdrawRequest(@NotBlank @Size(max = 1000) String reason) {
}
