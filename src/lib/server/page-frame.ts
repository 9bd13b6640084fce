import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
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
 * The frame's columns, for a person given as a column of the query they ride along in: the
 * organisation's name and time zone, and how many of the person's notifications are unread.
 */
export function pageFrameColumns(personId: SQL | AnyPgColumn) {
	return {
		organisationName: settingColumn('name'),
		timeZone: settingColumn('timeZone'),
		unreadCount: sql<number>`(select count(*)::int from (select 1 from ${notifications}
			where ${notifications.recipientId} = ${personId} and ${notifications.readAt} is null
			limit ${sql.raw(String(UNREAD_COUNTED))}) as unread)`
	};
}

/**
 * What the frame around every signed-in page shows, in one read (every page pays for it). Page
 * requests usually have it already, read with their session (see validateSessionToken).
 */
export async function readPageFrame(personId: string | null): Promise<PageFrame> {
	const frame = pageFrameColumns(personId === null ? sql`null` : sql`${personId}::uuid`);
	const [row] = await selectRows<{ name: string; timeZone: string; unread: number }>(
		db,
		sql`select ${frame.organisationName} as name, ${frame.timeZone} as "timeZone",
			${frame.unreadCount} as unread`
	);
	return { organisationName: row.name, timeZone: row.timeZone, unreadCount: Number(row.unread) };
}
