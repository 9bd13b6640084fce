import { and, asc, eq, inArray, isNull, lte } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { db } from '../db';
import { emailOutbox, type OutboxEmail } from '../db/schema';

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const BATCH_SIZE = 25;
/**
 * A claimed e-mail is hidden from other app servers this long. It must outlast a batch of slow SMTP
 * sends, or another server could claim and send the same message again.
 */
const CLAIM_LEASE_MS = 30 * MINUTE_MS;
const FIRST_RETRY_DELAY_MS = MINUTE_MS;
const MAX_RETRY_DELAY_MS = 6 * HOUR_MS;
const LAST_ERROR_MAX_LENGTH = 500;
const DEFAULT_FROM = 'Teian <teian@localhost>';

export interface OutgoingMail {
	from: string;
	to: string;
	subject: string;
	text: string;
}

/** What the mailer needs of a transport: nodemailer's, or a fake in tests. */
export interface MailTransport {
	sendMail(message: OutgoingMail): Promise<unknown>;
}

/** Whether e-mail leaves the building (SMTP_URL is set) or waits in the outbox for an administrator. */
export function isMailConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
	return Boolean(env.SMTP_URL);
}

let cachedTransport: { url: string; transport: MailTransport } | undefined;

/** A nodemailer transport for SMTP_URL (e.g. smtps://user:pass@mail.example.com), or null without it. */
export function transportFromEnv(env: NodeJS.ProcessEnv = process.env): MailTransport | null {
	const url = env.SMTP_URL;
	if (!url) return null;
	// One transport per URL: the mailer runs every minute and need not rebuild it each time.
	if (cachedTransport?.url !== url) {
		cachedTransport = { url, transport: nodemailer.createTransport(url) };
	}
	return cachedTransport.transport;
}

/** The wait before the next try after `attempts` failures: 1 minute, doubling, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
	return Math.min(FIRST_RETRY_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_DELAY_MS);
}

/**
 * Sends the e-mails that are due, up to a batch of 25, and records each outcome: sentAt on success;
 * on failure one more attempt, the error and a later retry. Without a transport nothing is sent and
 * every message stays pending in the outbox. Safe on several app servers at once.
 */
export async function deliverPendingEmails(
	now = new Date(),
	transport: MailTransport | null = transportFromEnv()
): Promise<{ sent: number; failed: number }> {
	if (!transport) return { sent: 0, failed: 0 };
	const from = process.env.MAIL_FROM || DEFAULT_FROM;
	let sent = 0;
	let failed = 0;
	for (const email of await claimDueEmails(now)) {
		try {
			await transport.sendMail({
				from,
				to: email.toAddress,
				subject: email.subject,
				text: email.body
			});
		} catch (error) {
			await recordFailure(email, error, now);
			failed++;
			continue;
		}
		// Outside the try: a database hiccup here is not a failed send and must not schedule a retry.
		await markSent(email.id, now);
		sent++;
	}
	return { sent, failed };
}

/**
 * Takes due e-mails for this server by pushing their next attempt past the lease, in a short
 * transaction. SKIP LOCKED lets another server claim different rows at the same moment; holding no
 * transaction while talking to SMTP keeps connections (and PGlite's single one) free.
 */
async function claimDueEmails(now: Date): Promise<OutboxEmail[]> {
	return db.transaction(async (tx) => {
		const due = await tx
			.select({ id: emailOutbox.id })
			.from(emailOutbox)
			.where(and(isNull(emailOutbox.sentAt), lte(emailOutbox.nextAttemptAt, now)))
			.orderBy(asc(emailOutbox.nextAttemptAt))
			.limit(BATCH_SIZE)
			.for('update', { skipLocked: true });
		if (due.length === 0) return [];
		return tx
			.update(emailOutbox)
			.set({ nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS) })
			.where(
				inArray(
					emailOutbox.id,
					due.map((row) => row.id)
				)
			)
			.returning();
	});
}

async function markSent(id: string, now: Date): Promise<void> {
	await db.update(emailOutbox).set({ sentAt: now }).where(eq(emailOutbox.id, id));
}

async function recordFailure(email: OutboxEmail, error: unknown, now: Date): Promise<void> {
	const attempts = email.attempts + 1;
	const message = error instanceof Error ? error.message : String(error);
	await db
		.update(emailOutbox)
		.set({
			attempts,
			lastError: message.slice(0, LAST_ERROR_MAX_LENGTH),
			nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts))
		})
		.where(eq(emailOutbox.id, email.id));
}
