import { eq } from 'drizzle-orm';
import type { ApprovalBand } from '../../domain/approval';
import type { Role } from '../../domain/roles';
import { hashPassword } from '../auth/password';
import { db } from '../db';
import {
	approvalBands,
	organisationSettings,
	people,
	personRoles,
	teamManagers,
	teams
} from '../db/schema';
import { findOrCreateTeamPath, lockHierarchy } from '../org/teams';
import { rebuildRollups } from '../insights/rollups';
import { seedDemoIdeas } from './ideas';

/** Every demo person signs in with this password. It is printed on start; never use it for real. */
export const DEMO_PASSWORD = 'teian-demo';
export const DEMO_ADMIN_EMAIL = 'olivia@hanami.example';
const DEMO_SETTINGS = { decisionDeadlineDays: 10, timeZone: 'Europe/Berlin' };
const DEMO_BANDS: ApprovalBand[] = [
	{ maxCost: 200, approverLevel: 'own_manager' },
	{ maxCost: 5000, approverLevel: 'one_up' },
	{ maxCost: null, approverLevel: 'top' }
];
const DEMO_SELF_APPROVAL: [string, number][] = [
	// Within the own-manager band (up to 200), as the Team self-approval page insists.
	['Plant Nagoya/Assembly Line 2', 150],
	['Store Riverside/Bakery', 200]
];

interface DemoPerson {
	name: string;
	email?: string;
	employeeNumber?: string;
	team: string;
	roles?: Role[];
	manages?: string[];
	/** Shown in the printed list of demo sign-ins. */
	signInNote?: string;
}

const TEAM_PATHS = [
	'Plant Nagoya/Assembly Line 1',
	'Plant Nagoya/Assembly Line 2',
	'Plant Nagoya/Packaging',
	'Plant Nagoya/Maintenance',
	'Store Riverside/Produce',
	'Store Riverside/Bakery',
	'Store Riverside/Checkout',
	'Head Office/People & Culture',
	'Head Office/Finance'
];

const DEMO_PEOPLE: DemoPerson[] = [
	{
		name: 'Olivia Chen',
		email: DEMO_ADMIN_EMAIL,
		team: 'Head Office/Finance',
		roles: ['employee', 'admin'],
		signInNote: 'administrator'
	},
	{
		name: 'Hana Kobayashi',
		email: 'hana@hanami.example',
		team: 'Head Office/People & Culture',
		roles: ['employee', 'hr'],
		signInNote: 'HR'
	},
	{
		name: 'Kenji Sato',
		email: 'kenji@hanami.example',
		team: 'Plant Nagoya',
		roles: ['employee', 'manager'],
		manages: ['Plant Nagoya'],
		signInNote: 'manager of Plant Nagoya and all its lines'
	},
	{
		name: 'Aiko Tanaka',
		email: 'aiko@hanami.example',
		team: 'Plant Nagoya/Assembly Line 1',
		roles: ['employee', 'manager'],
		manages: ['Plant Nagoya/Assembly Line 1', 'Plant Nagoya/Assembly Line 2'],
		signInNote: 'manager of Assembly Lines 1 and 2'
	},
	{
		name: 'Marcus Webb',
		email: 'marcus@hanami.example',
		team: 'Store Riverside',
		roles: ['employee', 'manager'],
		manages: ['Store Riverside'],
		signInNote: 'manager of Store Riverside'
	},
	{
		name: 'Grace Okafor',
		email: 'grace@hanami.example',
		team: 'Head Office',
		roles: ['employee', 'manager'],
		manages: ['Head Office']
	},
	{
		name: 'Yuki Ito',
		employeeNumber: 'E1001',
		team: 'Plant Nagoya/Assembly Line 1',
		signInNote: 'employee on the shop floor, signs in with an employee number'
	},
	{
		name: 'Sam Rivera',
		email: 'sam@hanami.example',
		team: 'Store Riverside/Produce',
		signInNote: 'employee in a store'
	},
	{ name: 'Daichi Mori', employeeNumber: 'E1002', team: 'Plant Nagoya/Assembly Line 1' },
	{ name: 'Rina Hayashi', employeeNumber: 'E1003', team: 'Plant Nagoya/Assembly Line 1' },
	{ name: 'Takeshi Ueda', employeeNumber: 'E1004', team: 'Plant Nagoya/Assembly Line 1' },
	{ name: 'Mei Fujita', employeeNumber: 'E1005', team: 'Plant Nagoya/Assembly Line 2' },
	{ name: 'Sota Kimura', employeeNumber: 'E1006', team: 'Plant Nagoya/Assembly Line 2' },
	{ name: 'Nana Shimizu', employeeNumber: 'E1007', team: 'Plant Nagoya/Assembly Line 2' },
	{ name: 'Haruto Abe', employeeNumber: 'E1008', team: 'Plant Nagoya/Assembly Line 2' },
	{ name: 'Emi Nakamura', employeeNumber: 'E1009', team: 'Plant Nagoya/Packaging' },
	{ name: 'Ren Ogawa', employeeNumber: 'E1010', team: 'Plant Nagoya/Packaging' },
	{
		name: 'Kaito Yamada',
		employeeNumber: 'E1011',
		email: 'kaito@hanami.example',
		team: 'Plant Nagoya/Maintenance'
	},
	{ name: 'Sakura Inoue', employeeNumber: 'E1012', team: 'Plant Nagoya/Maintenance' },
	{ name: 'Luis Ortega', email: 'luis@hanami.example', team: 'Store Riverside/Produce' },
	{ name: 'Amara Diallo', email: 'amara@hanami.example', team: 'Store Riverside/Produce' },
	{
		name: 'Tom Becker',
		employeeNumber: 'S2001',
		team: 'Store Riverside/Bakery',
		signInNote: 'employee in the bakery team, which accepts its own small ideas by a team vote'
	},
	{ name: 'Chloe Martin', employeeNumber: 'S2002', team: 'Store Riverside/Bakery' },
	{ name: 'Noah Fischer', employeeNumber: 'S2003', team: 'Store Riverside/Bakery' },
	{ name: 'Isabel Santos', employeeNumber: 'S2004', team: 'Store Riverside/Checkout' },
	{ name: 'Jamal Hughes', employeeNumber: 'S2005', team: 'Store Riverside/Checkout' },
	{ name: 'Fatima Rahman', email: 'fatima@hanami.example', team: 'Store Riverside/Checkout' },
	{ name: 'Oliver Brown', email: 'oliver@hanami.example', team: 'Head Office/Finance' },
	{ name: 'Ines Moreau', email: 'ines@hanami.example', team: 'Head Office/People & Culture' },
	{ name: 'Victor Lindqvist', email: 'victor@hanami.example', team: 'Head Office/Finance' }
];

export interface DemoSignIn {
	name: string;
	signInName: string;
	note: string;
}

export function listDemoSignIns(): DemoSignIn[] {
	return DEMO_PEOPLE.filter((person) => person.signInNote).map((person) => ({
		name: person.name,
		signInName: (person.email ?? person.employeeNumber)!,
		note: person.signInNote!
	}));
}

export async function hasPeople(): Promise<boolean> {
	const rows = await db.select({ id: people.id }).from(people).limit(1);
	return rows.length > 0;
}

/**
 * Creates the demo organisation "Hanami Foods": a plant and a store with their teams, a head office,
 * 30 people (an administrator, HR, managers at two levels, employees with and without e-mail) and
 * ideas in every state: overdue (and so escalated), due today, due within 48 hours, on track,
 * waiting for information, accepted, implemented with savings, rejected and dropped.
 * Refuses to run on a database that already has people.
 */
export async function seedDemoOrganisation(now = new Date()): Promise<DemoSignIn[]> {
	if (await hasPeople())
		throw new Error('The database already has people; the demo seed only fills an empty one.');
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	await db.transaction(async (tx) => {
		await lockHierarchy(tx);
		await tx
			.insert(organisationSettings)
			.values({ id: 1, name: 'Hanami Foods', ...DEMO_SETTINGS })
			.onConflictDoNothing();
		const teamIds = new Map<string, string>();
		const teamId = async (path: string) => {
			if (!teamIds.has(path)) {
				const { teamId: id } = await findOrCreateTeamPath(tx, path.split('/'));
				teamIds.set(path, id);
			}
			return teamIds.get(path)!;
		};
		for (const path of TEAM_PATHS) await teamId(path);
		// Toyota's practice: small ideas are decided close by, costly ones further up…
		await tx.insert(approvalBands).values(DEMO_BANDS);
		// …and Whole Foods': two teams accept their own small ideas by a two-thirds vote.
		for (const [path, costLimit] of DEMO_SELF_APPROVAL) {
			await tx
				.update(teams)
				.set({ selfApprovalCostLimit: costLimit })
				.where(eq(teams.id, await teamId(path)));
		}

		const personIds = new Map<string, string>();
		for (const person of DEMO_PEOPLE) {
			const [row] = await tx
				.insert(people)
				.values({
					displayName: person.name,
					email: person.email ?? null,
					employeeNumber: person.employeeNumber ?? null,
					homeTeamId: await teamId(person.team),
					passwordHash,
					createdAt: now
				})
				.returning({ id: people.id });
			personIds.set(person.name, row.id);
			const roles = person.roles ?? ['employee'];
			await tx.insert(personRoles).values(roles.map((role) => ({ personId: row.id, role })));
			for (const path of person.manages ?? []) {
				await tx.insert(teamManagers).values({ personId: row.id, teamId: await teamId(path) });
			}
		}
		const person = (name: string) => {
			const id = personIds.get(name);
			if (!id) throw new Error(`No demo person called ${name}`);
			return id;
		};
		await seedDemoIdeas(tx, { person, team: teamId }, { ...DEMO_SETTINGS, bands: DEMO_BANDS }, now);
		// The demo ideas were written directly, with their history: count them for HR from scratch.
		await rebuildRollups(tx);
	});
	return listDemoSignIns();
}

export function formatDemoSignIns(signIns: DemoSignIn[]): string {
	const width = Math.max(...signIns.map((s) => s.signInName.length));
	return [
		`Demo sign-ins (password for everyone: ${DEMO_PASSWORD}):`,
		...signIns.map((s) => `  ${s.signInName.padEnd(width)}  ${s.name}, ${s.note}`)
	].join('\n');
}
