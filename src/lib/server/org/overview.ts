import { sql } from 'drizzle-orm';
import { db } from '../db';
import { people, teams } from '../db/schema';

export interface OrganisationCounts {
	activePeople: number;
	invitedPeople: number;
	deactivatedPeople: number;
	teams: number;
}

export async function countOrganisation(): Promise<OrganisationCounts> {
	const [peopleCounts] = await db
		.select({
			active: sql<number>`count(*) filter (where ${people.deactivatedAt} is null and ${people.passwordHash} is not null)::int`,
			invited: sql<number>`count(*) filter (where ${people.deactivatedAt} is null and ${people.passwordHash} is null)::int`,
			deactivated: sql<number>`count(*) filter (where ${people.deactivatedAt} is not null)::int`
		})
		.from(people);
	const [teamCount] = await db.select({ count: sql<number>`count(*)::int` }).from(teams);
	return {
		activePeople: peopleCounts.active,
		invitedPeople: peopleCounts.invited,
		deactivatedPeople: peopleCounts.deactivated,
		teams: teamCount.count
	};
}
