import { sql, type SQL } from 'drizzle-orm';
import { DEFAULT_GAINSHARING_PERCENT } from '../../domain/gainsharing';
import { db, type DatabaseOrTransaction } from '../db';
import { rebuildRollups } from '../insights/rollups';
import { organisationSettings, type OrganisationSettings } from '../db/schema';

type EditableSettings = Pick<
	OrganisationSettings,
	'name' | 'decisionDeadlineDays' | 'timeZone' | 'ideaVisibility' | 'gainsharingPercent'
>;

export const DEFAULT_SETTINGS: EditableSettings = {
	name: 'Our organisation',
	decisionDeadlineDays: 10,
	timeZone: 'UTC',
	ideaVisibility: 'organisation',
	gainsharingPercent: DEFAULT_GAINSHARING_PERCENT
};

/**
 * One setting as a column of another query, so it rides along instead of costing a read of its
 * own: the saved value, or the default until an administrator saves the settings.
 */
export function settingColumn<K extends 'name' | 'timeZone' | 'ideaVisibility'>(
	key: K
): SQL<EditableSettings[K]> {
	return sql<
		EditableSettings[K]
	>`coalesce((select ${organisationSettings[key]} from ${organisationSettings}), ${DEFAULT_SETTINGS[key]})`;
}

/** The organisation's settings; defaults until an administrator saves them. */
export async function getOrganisationSettings(
	tx: DatabaseOrTransaction = db
): Promise<EditableSettings> {
	const [row] = await tx.select().from(organisationSettings);
	return row ?? DEFAULT_SETTINGS;
}

/**
 * Saves the settings. A new time zone moves every local day and week HR's rollups are keyed by, so
 * they are rebuilt in the same transaction.
 */
export async function updateOrganisationSettings(
	input: Partial<EditableSettings>,
	now = new Date()
): Promise<void> {
	await db.transaction(async (tx) => {
		const [before] = await tx
			.select({ timeZone: organisationSettings.timeZone })
			.from(organisationSettings)
			.for('update');
		await tx
			.insert(organisationSettings)
			.values({ ...DEFAULT_SETTINGS, ...input, id: 1, updatedAt: now })
			.onConflictDoUpdate({ target: organisationSettings.id, set: { ...input, updatedAt: now } });
		const timeZoneBefore = before?.timeZone ?? DEFAULT_SETTINGS.timeZone;
		if (input.timeZone && input.timeZone !== timeZoneBefore) await rebuildRollups(tx);
	});
}
