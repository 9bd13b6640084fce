import { isUuid } from '../../domain/validation';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { db } from '../db';
import { notifications, type Notification } from '../db/schema';

export type NotificationItem = Pick<
	Notification,
	'id' | 'ideaId' | 'kind' | 'title' | 'body' | 'createdAt' | 'readAt'
> & {
	/** Where the notification leads: its idea, the queue for a digest, or nowhere. */
	href: string | null;
};

function hrefFor(notification: Pick<Notification, 'ideaId' | 'kind'>): string | null {
	if (notification.ideaId) return `/ideas/${notification.ideaId}`;
	return notification.kind === 'deadline_digest' ? '/queue' : null;
}

/** A person's notifications, newest first. */
export async function listNotifications(
	personId: string,
	{ limit = 50 }: { limit?: number } = {}
): Promise<NotificationItem[]> {
	const rows = await db
		.select({
			id: notifications.id,
			ideaId: notifications.ideaId,
			kind: notifications.kind,
			title: notifications.title,
			body: notifications.body,
			createdAt: notifications.createdAt,
			readAt: notifications.readAt
		})
		.from(notifications)
		.where(eq(notifications.recipientId, personId))
		.orderBy(desc(notifications.createdAt), desc(notifications.id))
		.limit(limit);
	return rows.map((row) => ({ ...row, href: hrefFor(row) }));
}

/**
 * Marks one notification read. Only the recipient's own: someone else's id changes nothing.
 * Returns whether an unread notification was marked.
 */
export async function markRead(
	personId: string,
	notificationId: string,
	now = new Date()
): Promise<boolean> {
	// A malformed id would be a database error (invalid uuid); it simply matches nothing.
	if (!isUuid(notificationId)) return false;
	const marked = await db
		.update(notifications)
		.set({ readAt: now })
		.where(
			and(
				eq(notifications.id, notificationId),
				eq(notifications.recipientId, personId),
				isNull(notifications.readAt)
			)
		)
		.returning({ id: notifications.id });
	return marked.length > 0;
}

/** Marks every unread notification of a person read; returns how many were unread. */
export async function markAllRead(personId: string, now = new Date()): Promise<number> {
	const marked = await db
		.update(notifications)
		.set({ readAt: now })
		.where(and(eq(notifications.recipientId, personId), isNull(notifications.readAt)))
		.returning({ id: notifications.id });
	return marked.length;
}
