import { and, desc, eq, gt, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { db } from '../db';
import { emailOutbox, type OutboxEmail } from '../db/schema';

export const OUTBOX_STATUSES = ['pending', 'failed', 'sent'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
export type OutboxFilter = OutboxStatus | 'all';

export type OutboxRow = Pick<
	OutboxEmail,
	| 'id'
	| 'toAddress'
	| 'subject'
	| 'body'
	| 'createdAt'
	| 'attempts'
	| 'nextAttemptAt'
	| 'lastError'
	| 'sentAt'
> & { status: OutboxStatus };

// Failed is derived, not stored: an unsent e-mail that has been tried at least once (and will be again).
const STATUS_CONDITIONS: Record<OutboxStatus, SQL> = {
	sent: isNotNull(emailOutbox.sentAt),
	pending: and(isNull(emailOutbox.sentAt), eq(emailOutbox.attempts, 0))!,
	failed: and(isNull(emailOutbox.sentAt), gt(emailOutbox.attempts, 0))!
};

const countWhere = (condition: SQL) =>
	sql<number>`count(*) filter (where ${condition})`.mapWith(Number);

function statusOf(email: Pick<OutboxEmail, 'sentAt' | 'attempts'>): OutboxStatus {
	if (email.sentAt) return 'sent';
	return email.attempts > 0 ? 'failed' : 'pending';
}

/** The e-mail outbox for administrators, newest first: what went out, what waits and what fails. */
export async function listOutbox({
	status = 'all',
	limit = 100
}: { status?: OutboxFilter; limit?: number } = {}): Promise<OutboxRow[]> {
	const rows = await db
		.select({
			id: emailOutbox.id,
			toAddress: emailOutbox.toAddress,
			subject: emailOutbox.subject,
			body: emailOutbox.body,
			createdAt: emailOutbox.createdAt,
			attempts: emailOutbox.attempts,
			nextAttemptAt: emailOutbox.nextAttemptAt,
			lastError: emailOutbox.lastError,
			sentAt: emailOutbox.sentAt
		})
		.from(emailOutbox)
		.where(status === 'all' ? undefined : STATUS_CONDITIONS[status])
		.orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
		.limit(limit);
	return rows.map((row) => ({ ...row, status: statusOf(row) }));
}

/** How many e-mails are in each state, for the filter's labels. */
export async function countOutboxByStatus(): Promise<Record<OutboxStatus, number>> {
	const [row] = await db
		.select({
			pending: countWhere(STATUS_CONDITIONS.pending),
			failed: countWhere(STATUS_CONDITIONS.failed),
			sent: countWhere(STATUS_CONDITIONS.sent)
		})
		.from(emailOutbox);
	return row;
}
