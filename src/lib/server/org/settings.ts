import { db } from '../db';
import { organisationSettings, type OrganisationSettings } from '../db/schema';

export const DEFAULT_SETTINGS = {
	name: 'Our organisation',
	decisionDeadlineDays: 10,
	timeZone: 'UTC'
} as const;

/** The organisation's settings; defaults until an administrator saves them. */
export async function getOrganisationSettings(): Promise<
	Pick<OrganisationSettings, 'name' | 'decisionDeadlineDays' | 'timeZone'>
> {
	const [row] = await db.select().from(organisationSettings);
	return row ?? DEFAULT_SETTINGS;
}

export async function updateOrganisationSettings(
	input: Pick<OrganisationSettings, 'name' | 'decisionDeadlineDays' | 'timeZone'>,
	now = new Date()
): Promise<void> {
	await db
		.insert(organisationSettings)
		.values({ id: 1, ...input, updatedAt: now })
		.onConflictDoUpdate({ target: organisationSettings.id, set: { ...input, updatedAt: now } });
}
