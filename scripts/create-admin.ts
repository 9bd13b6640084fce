// `npm run admin:create -- --name "Jane Doe" --email jane@example.com --team "Head Office"`
// Creates an administrator (for a new installation) and prints their one-time invite link.
// Uses DATABASE_URL when set, otherwise the embedded database in DATA_DIR (default ./data).
import { parseArgs } from 'node:util';
import { personSchema } from '../src/lib/domain/schemas.ts';
import { parseTeamPath } from '../src/lib/domain/team-path.ts';
import { parseInput } from '../src/lib/domain/validation.ts';
import { closeDatabase, db, openDatabase } from '../src/lib/server/db/index.ts';
import { insertPerson } from '../src/lib/server/org/people.ts';
import { findOrCreateTeamPath, lockHierarchy } from '../src/lib/server/org/teams.ts';

const { values } = parseArgs({
	options: {
		name: { type: 'string' },
		email: { type: 'string' },
		'employee-number': { type: 'string' },
		team: { type: 'string', default: 'Head Office' },
		origin: { type: 'string', default: process.env.ORIGIN ?? 'http://localhost:3000' }
	}
});

const teamNames = parseTeamPath(values.team);
if (!teamNames) {
	console.error(`"${values.team}" is not a team path like "Head Office" or "Plant A/Assembly".`);
	process.exit(1);
}

await openDatabase();
try {
	const invitation = await db.transaction(async (tx) => {
		await lockHierarchy(tx);
		const { teamId } = await findOrCreateTeamPath(tx, teamNames);
		const parsed = parseInput(personSchema, {
			displayName: values.name ?? '',
			email: values.email ?? '',
			employeeNumber: values['employee-number'] ?? '',
			homeTeamId: teamId,
			roles: ['employee', 'admin']
		});
		if (!parsed.ok) {
			throw new Error(
				Object.entries(parsed.errors)
					.map(([field, message]) => `${field}: ${message}`)
					.join('\n')
			);
		}
		return (await insertPerson(tx, parsed.value, null)).invitation;
	});
	console.log(`Administrator created. Their one-time link (valid 7 days):`);
	console.log(`${values.origin}/invite/${invitation.token}`);
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
} finally {
	await closeDatabase();
}
