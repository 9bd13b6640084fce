import { and, eq, isNull, sql } from 'drizzle-orm';
import { db, selectRows } from './db';
import { notifications } from './db/schema';
import { settingColumn } from './org/settings';

/** Enough for the bell's badge, which shows "99+" from 100 on. */
const UNREAD_COUNTED = 100;

export interface PageFrame {
	organisationName: string;
	timeZone: string;
	/** The person's notifications not read yet, counted up to 100: the bell shows "99+" beyond. */
	unreadCount: number;
}

/**
 * What the frame around every signed-in page shows, in one read (every page pays for it): the
 * organisation's name and time zone, and how many of the person's notifications are unread.
 */
export async function readPageFrame(personId: string | null): Promise<PageFrame> {
	const unread = personId
		? sql`(select count(*) from (select 1 from ${notifications}
				where ${and(eq(notifications.recipientId, personId), isNull(notifications.readAt))}
				limit ${UNREAD_COUNTED}) as unread)`
		: sql`0`;
	const [row] = await selectRows<{ name: string; timeZone: string; unread: string | number }>(
		db,
		sql`select ${settingColumn('name')} as name, ${settingColumn('timeZone')} as "timeZone",
			${unread} as unread`
	);
	return { organisationName: row.name, timeZone: row.timeZone, unreadCount: Number(row.unread) };
}
