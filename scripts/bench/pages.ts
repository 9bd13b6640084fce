// Every signed-in page once, at the benchmark's scale: the load scenarios cover five endpoints, but
// an admin or HR page can still break at 100,000 people (the account, people, teams and recognition
// pages did: up to 45 s and 528 MB). Sequential requests, so each time is the page's own.
import { eq } from 'drizzle-orm';
import { createSession } from '../../src/lib/server/auth/session';
import { closeDatabase, db, openDatabase } from '../../src/lib/server/db';
import { personRoles } from '../../src/lib/server/db/schema';
import type { LoadPlan } from '../scale/sessions';
import { latencySummary } from './load';
import { sessionCookie } from './scenarios';

export interface PageTiming {
	path: string;
	who: string;
	status: number;
	medianMs: number;
	kB: number;
}

/** A session for an administrator of the generated organisation, made before the server starts. */
export async function adminSessionToken(
	config: { url: string } | { dataDir: string }
): Promise<string | null> {
	await openDatabase(config);
	try {
		const [admin] = await db
			.select({ id: personRoles.personId })
			.from(personRoles)
			.where(eq(personRoles.role, 'admin'))
			.limit(1);
		return admin ? (await createSession(admin.id)).token : null;
	} finally {
		await closeDatabase();
	}
}

/** The pages to time, each as the person who would open it. */
export function pagesToSurvey(load: LoadPlan, adminToken: string | null) {
	const employee = load.employees[0].token;
	const manager = load.manager.token;
	const hr = load.hr.token;
	const idea = load.voteTargets[0]?.ideaId;
	const pages = [
		{
			who: 'employee',
			token: employee,
			paths: [
				'/ideas',
				'/ideas?sort=top',
				'/ideas/mine',
				'/ideas/new',
				'/ideas/wall',
				...(idea ? [`/ideas/${idea}`] : []),
				'/notifications',
				'/recognition',
				'/gainsharing',
				'/account'
			]
		},
		{ who: 'manager', token: manager, paths: ['/queue', '/queue?tab=accepted', '/teams'] },
		{ who: 'hr', token: hr, paths: ['/insights', '/insights/overdue', '/insights/recognition'] },
		...(adminToken
			? [
					{
						who: 'admin',
						token: adminToken,
						paths: [
							'/admin',
							'/admin/people',
							'/admin/people/new',
							`/admin/people/${load.manager.personId}`,
							'/admin/teams',
							`/admin/teams/${load.employees[0].homeTeamId}`,
							'/admin/settings',
							// Every team's self-approval, which an administrator looks after.
							'/teams'
						]
					}
				]
			: [])
	];
	return pages.flatMap(({ who, token, paths }) => paths.map((path) => ({ who, token, path })));
}

export async function surveyPages(
	origin: string,
	pages: { who: string; token: string; path: string }[],
	repeats: number
): Promise<PageTiming[]> {
	const timings: PageTiming[] = [];
	for (const { who, token, path } of pages) {
		const times: number[] = [];
		let status = 0;
		let bytes = 0;
		for (let i = 0; i < repeats; i++) {
			const started = performance.now();
			const response = await fetch(`${origin}${path}`, {
				headers: { accept: 'text/html', cookie: sessionCookie(token) },
				redirect: 'manual'
			});
			bytes = (await response.arrayBuffer()).byteLength;
			status = response.status;
			times.push(performance.now() - started);
		}
		timings.push({
			path,
			who,
			status,
			medianMs: latencySummary(times).p50,
			kB: Math.round(bytes / 1024)
		});
	}
	return timings;
}

export function formatPageTable(timings: PageTiming[]): string {
	const lines = [
		'| page | as | status | median ms | kB |',
		'|------|----|-------:|----------:|---:|',
		...timings.map(
			(t) => `| ${t.path} | ${t.who} | ${t.status} | ${t.medianMs.toFixed(1)} | ${t.kB} |`
		)
	];
	return lines.join('\n');
}
