import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// scripts/serve.js as `npm start` runs it, on a port of its own beside the suite's server.
const PORT = 4319;
const baseUrl = `http://127.0.0.1:${PORT}`;
const postgresUrl = process.env.TEST_DATABASE_URL;

function serve(env: Record<string, string>) {
	const child = spawn(process.execPath, ['scripts/serve.js', 'build'], {
		env: {
			...process.env,
			PORT: String(PORT),
			HOST: '127.0.0.1',
			ORIGIN: baseUrl,
			BACKGROUND_JOBS: 'off',
			DEMO_DATA: 'off',
			DATABASE_URL: '',
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
	return { child, output: () => output, exited };
}

async function until(isDone: () => boolean | Promise<boolean>, what: string) {
	const deadline = Date.now() + 60_000;
	while (!(await isDone())) {
		if (Date.now() > deadline) throw new Error(`Still waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/** The pids of a process's children. */
function childrenOf(pid: number): number[] {
	const found = spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' });
	return found.stdout.split('\n').filter(Boolean).map(Number);
}

const isAlive = (pid: number) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
};

async function signInPageStatus(): Promise<number> {
	try {
		return (await fetch(`${baseUrl}/sign-in`)).status;
	} catch {
		return 0;
	}
}

describe('serving as production does (scripts/serve.js)', () => {
	it.runIf(postgresUrl)(
		'on PostgreSQL, two workers share the port, one that dies is replaced, and SIGTERM stops all',
		async () => {
			const server = serve({ DATABASE_URL: postgresUrl!, WEB_CONCURRENCY: '2' });
			await until(
				() => server.output().includes('Teian serves from 2 worker processes'),
				'two workers'
			);
			const workers = childrenOf(server.child.pid!);
			expect(workers).toHaveLength(2);
			for (let i = 0; i < 6; i++) expect(await signInPageStatus()).toBe(200);

			process.kill(workers[1], 'SIGKILL');
			await until(
				() => server.output().includes(`(pid ${workers[1]}) died (SIGKILL); starting another.`),
				'the replacement'
			);
			await until(
				() => server.output().match(/Listening on/g)?.length === 3,
				'the replacement to listen'
			);
			expect(childrenOf(server.child.pid!)).toContain(workers[0]);
			expect(childrenOf(server.child.pid!)).not.toContain(workers[1]);
			await until(async () => (await signInPageStatus()) === 200, 'the page');

			server.child.kill('SIGTERM');
			expect(await server.exited).toBe(0);
			expect(childrenOf(server.child.pid!)).toEqual([]);
			expect(workers.filter(isAlive)).toEqual([]);
		}
	);

	it.runIf(postgresUrl)('a second stop signal ends a worker that does not stop', async () => {
		// A long limit: only the second signal, not the primary's own timer, can end the worker in time.
		const server = serve({
			DATABASE_URL: postgresUrl!,
			WEB_CONCURRENCY: '2',
			SHUTDOWN_TIMEOUT: '300'
		});
		await until(
			() => server.output().includes('Teian serves from 2 worker processes'),
			'two workers'
		);
		const [healthy, stuck] = childrenOf(server.child.pid!);
		process.kill(stuck, 'SIGSTOP'); // it cannot act on the stop signal now
		try {
			server.child.kill('SIGTERM');
			await until(() => !isAlive(healthy), 'the healthy worker to stop');
			expect(isAlive(stuck)).toBe(true);
			server.child.kill('SIGTERM');
			// Forced, so not a clean stop.
			expect(await server.exited).toBe(1);
			expect(isAlive(stuck)).toBe(false);
		} finally {
			if (isAlive(stuck)) process.kill(stuck, 'SIGKILL');
		}
	});

	it('on the embedded database, one process serves even when more are asked for', async () => {
		const dataDir = mkdtempSync(path.join(tmpdir(), 'teian-serve-'));
		try {
			const server = serve({ DATA_DIR: dataDir, WEB_CONCURRENCY: '2' });
			await until(async () => (await signInPageStatus()) === 200, 'the page');
			expect(server.output()).toContain(
				'WEB_CONCURRENCY=2 ignored: the embedded database serves from one process'
			);
			expect(childrenOf(server.child.pid!)).toEqual([]);
			server.child.kill('SIGTERM');
			expect(await server.exited).toBe(0);
		} finally {
			rmSync(dataDir, { recursive: true, force: true });
		}
	});

	it('stops with an error, not a restart loop, when a worker cannot start', async () => {
		// Nothing listens on port 1: every worker fails to migrate the database before it serves.
		const server = serve({
			DATABASE_URL: 'postgres://teian@127.0.0.1:1/teian',
			WEB_CONCURRENCY: '2'
		});
		expect(await server.exited).toBe(1);
		expect(server.output()).toMatch(/Worker \d stopped before it could serve; stopping Teian\./);
		expect(server.output().match(/stopped before it could serve/g)).toHaveLength(1);
	});
});
