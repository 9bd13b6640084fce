import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { TestProject } from 'vitest/node';
import { createSession } from '../../src/lib/server/auth/session';
import { closeDatabase, db, openDatabase } from '../../src/lib/server/db';
import { ideas, people } from '../../src/lib/server/db/schema';
import { seedDemoOrganisation } from '../../src/lib/server/demo/seed';
import { resetPostgres } from '../db/support/database';
import { E2E_PEOPLE, type E2eRole } from './support/people';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		sessionTokens: Record<E2eRole, string>;
		/** Demo idea ids by title. */
		demoIdeas: Record<string, string>;
	}
}

const PORT = Number(process.env.E2E_PORT) || 4317;

/**
 * Prepares a demo database with a session per role (e2e sets session cookies directly, except in the
 * test that drives the sign-in form), then starts the built server on it as production would run:
 * scripts/serve.js, so on PostgreSQL with one worker per core.
 */
export default async function setup(project: TestProject) {
	if (!existsSync('build/index.js')) throw new Error('Build first: npm run build');
	const url = process.env.TEST_DATABASE_URL;
	const dataDir = url ? undefined : mkdtempSync(path.join(tmpdir(), 'teian-e2e-'));
	if (url) await resetPostgres(url);

	await openDatabase(url ? { url } : { dataDir });
	await seedDemoOrganisation();
	const sessionTokens = {} as Record<E2eRole, string>;
	for (const [role, signInName] of Object.entries(E2E_PEOPLE) as [E2eRole, string][]) {
		const column = signInName.includes('@') ? people.email : people.employeeNumber;
		const [person] = await db.select().from(people).where(eq(column, signInName));
		sessionTokens[role] = (await createSession(person.id)).token;
	}
	const demoIdeas = Object.fromEntries(
		(await db.select({ id: ideas.id, title: ideas.title }).from(ideas)).map((idea) => [
			idea.title,
			idea.id
		])
	);
	await closeDatabase();

	const baseUrl = `http://127.0.0.1:${PORT}`;
	const logFile = path.resolve('test-results/e2e-server.log');
	rmSync(logFile, { force: true });
	mkdirSync(path.dirname(logFile), { recursive: true });
	const log = openSync(logFile, 'a');
	const server: ChildProcess = spawn(process.execPath, ['scripts/serve.js', 'build'], {
		env: {
			...process.env,
			PORT: String(PORT),
			HOST: '127.0.0.1',
			ORIGIN: baseUrl,
			DEMO_DATA: 'off',
			BACKGROUND_JOBS: 'off',
			BODY_SIZE_LIMIT: '25M',
			...(url ? { DATABASE_URL: url } : { DATA_DIR: dataDir, DATABASE_URL: '' })
		},
		stdio: ['ignore', log, log]
	});
	await waitForServer(baseUrl, server);

	project.provide('baseUrl', baseUrl);
	project.provide('sessionTokens', sessionTokens);
	project.provide('demoIdeas', demoIdeas);

	return async () => {
		server.kill('SIGTERM');
		const exitCode = await new Promise((resolve) => server.once('exit', resolve));
		// A graceful shutdown closes the database and exits cleanly.
		if (exitCode !== 0) throw new Error(`The server exited with ${exitCode} on SIGTERM`);
		if (dataDir) rmSync(dataDir, { recursive: true, force: true });
	};
}

async function waitForServer(baseUrl: string, server: ChildProcess) {
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (server.exitCode !== null) {
			throw new Error(`The server exited with ${server.exitCode}: see test-results/e2e-server.log`);
		}
		try {
			const response = await fetch(`${baseUrl}/sign-in`);
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	server.kill();
	throw new Error('The server did not start within 60 s: see test-results/e2e-server.log');
}
