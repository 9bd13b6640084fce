import { eq } from 'drizzle-orm';
import { db } from '../db';
import { people } from '../db/schema';
import {
	DEMO_ADMIN_EMAIL,
	formatDemoSignIns,
	hasPeople,
	listDemoSignIns,
	seedDemoOrganisation
} from './seed';

/**
 * On the embedded database only: an empty one gets the demo organisation, so trying Teian needs no
 * set-up. A PostgreSQL database is never seeded implicitly (see `npm run seed:demo`).
 * DEMO_DATA=off skips the seed, for a small team that runs PGlite for real.
 */
export async function prepareDemoOnFirstStart(kind: 'pglite' | 'postgres'): Promise<void> {
	if (kind !== 'pglite' || process.env.DEMO_DATA === 'off') return;
	if (!(await hasPeople())) {
		await seedDemoOrganisation();
		console.log('Created the demo organisation "Hanami Foods".');
	}
	const [demoAdmin] = await db
		.select({ id: people.id })
		.from(people)
		.where(eq(people.email, DEMO_ADMIN_EMAIL));
	if (demoAdmin) console.log(formatDemoSignIns(listDemoSignIns()));
}
