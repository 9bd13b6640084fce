import { and, inArray, isNull } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../db';
import { emailOutbox, notifications, people } from '../db/schema';

export interface NotificationMessage {
	recipientIds: string[];
	ideaId?: string | null;
	/** What happened, e.g. 'idea_submitted', 'idea_decided', 'decision_reminder'. */
	kind: string;
	title: string;
	body: string;
	/** An app path such as `/ideas/<id>`; the e-mail carries it as an absolute link. */
	link?: string;
	/** Makes repeating the message harmless: each recipient gets it once per key. */
	dedupeKey?: string;
	/** true: in-app only, no e-mail (a side note to people who are told elsewhere). */
	inAppOnly?: boolean;
}

/** How many rows a call added; 0 when everything was already there (a repeat) or nobody qualified. */
export interface NotifyResult {
	inApp: number;
	emails: number;
}

const DEFAULT_ORIGIN = 'http://localhost:3000';

/**
 * Tells people about something: one in-app notification per distinct, active recipient and one
 * outbox e-mail per such recipient with an e-mail address (many shop-floor staff have none and get
 * in-app only). Runs in the caller's transaction, so a rolled-back change notifies nobody and a
 * committed one can never lose its message. With a dedupe key, repeating the call adds nothing.
 */
export async function notify(
	tx: DatabaseOrTransaction,
	message: NotificationMessage,
	now = new Date()
): Promise<NotifyResult> {
	const recipients = await findActiveRecipients(tx, message.recipientIds);
	if (recipients.length === 0) return { inApp: 0, emails: 0 };

	const inApp = await tx
		.insert(notifications)
		.values(
			recipients.map((recipient) => ({
				recipientId: recipient.id,
				ideaId: message.ideaId ?? null,
				kind: message.kind,
				title: message.title,
				body: message.body,
				dedupeKey: recipientDedupeKey(message.dedupeKey, recipient.id),
				createdAt: now
			}))
		)
		.onConflictDoNothing({ target: notifications.dedupeKey })
		.returning({ id: notifications.id });

	const mailable = message.inAppOnly ? [] : recipients.filter((recipient) => recipient.email);
	if (mailable.length === 0) return { inApp: inApp.length, emails: 0 };
	const text = composeEmailText(message);
	const emails = await tx
		.insert(emailOutbox)
		.values(
			mailable.map((recipient) => ({
				recipientId: recipient.id,
				toAddress: recipient.email!,
				subject: message.title,
				body: text,
				dedupeKey: recipientDedupeKey(message.dedupeKey, recipient.id),
				createdAt: now,
				nextAttemptAt: now
			}))
		)
		.onConflictDoNothing({ target: emailOutbox.dedupeKey })
		.returning({ id: emailOutbox.id });

	return { inApp: inApp.length, emails: emails.length };
}

async function findActiveRecipients(tx: DatabaseOrTransaction, recipientIds: string[]) {
	const distinctIds = [...new Set(recipientIds)];
	if (distinctIds.length === 0) return [];
	return tx
		.select({ id: people.id, email: people.email })
		.from(people)
		.where(and(inArray(people.id, distinctIds), isNull(people.deactivatedAt)));
}

function recipientDedupeKey(dedupeKey: string | undefined, recipientId: string): string | null {
	return dedupeKey ? `${dedupeKey}:${recipientId}` : null;
}

/** The plain-text e-mail: the message, then the absolute link to act on it. */
function composeEmailText(
	message: Pick<NotificationMessage, 'body' | 'link'>,
	origin = process.env.ORIGIN || DEFAULT_ORIGIN
): string {
	const parts = [message.body.trim()];
	if (message.link) parts.push(`Open it in Teian: ${new URL(message.link, origin).href}`);
	parts.push('-- \nSent by Teian, your organisation’s idea system.');
	return `${parts.join('\n\n')}\n`;
}
