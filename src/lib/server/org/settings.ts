import { db } from '../db';
import { organisationSettings, type OrganisationSettings } from '../db/schema';

type EditableSettings = Pick<
	OrganisationSettings,
	'name' | 'decisionDeadlineDays' | 'timeZone' | 'ideaVisibility'
>;

export const DEFAULT_SETTINGS: EditableSettings = {
	name: 'Our organisation',
	decisionDeadlineDays: 10,
	timeZone: 'UTC',
	ideaVisibility: 'organisation'
};

/** The organisation's settings; defaults until an administrator saves them. */
export async function getOrganisationSettings(): Promise<EditableSettings> {
	const [row] = await db.select().from(organisationSettings);
	return row ?? DEFAULT_SETTINGS;
}

export async function updateOrganisationSettings(
	input: Partial<EditableSettings>,
	now = new Date()
): Promise<void> {
	await db
		.insert(organisationSettings)
		.values({ ...DEFAULT_SETTINGS, ...input, id: 1, updatedAt: now })
		.onConflictDoUpdate({ target: organisationSettings.id, set: { ...input, updatedAt: now } });
}
