// Builds the app and serves it with scripts/serve.js as production would, on a port of its own.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	openSync,
	rmSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function buildApp(): void {
	const build = spawnSync('npx', ['vite', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
	if (build.status !== 0) throw new Error(`vite build failed (exit ${build.status})`);
}

export interface RunningServer {
	baseUrl: string;
	stop(): Promise<void>;
}

export async function startServer(options: {
	port: number;
	database: { url: string } | { dataDir: string };
	logFile: string;
	/** Node flags, e.g. --cpu-prof (every worker writes its own profile). */
	nodeFlags?: string[];
	/** WEB_CONCURRENCY: worker processes; by default serve.js's own choice (one per core). */
	workers?: number;
}): Promise<RunningServer> {
	if (!existsSync('build/index.js')) throw new Error('No build/: run without --no-build.');
	// The server runs from a copy of build/, so a build started meanwhile (tests, another
	// developer in the same checkout) cannot pull its modules away mid-run.
	const copy = mkdtempSync(path.join(os.tmpdir(), 'teian-bench-server-'));
	cpSync('build', path.join(copy, 'build'), { recursive: true });
	writeFileSync(path.join(copy, 'package.json'), '{ "type": "module" }\n');
	symlinkSync(path.resolve('node_modules'), path.join(copy, 'node_modules'), 'dir');
	const baseUrl = `http://127.0.0.1:${options.port}`;
	mkdirSync(path.dirname(options.logFile), { recursive: true });
	const log = openSync(options.logFile, 'w');
	const server: ChildProcess = spawn(
		process.execPath,
		[...(options.nodeFlags ?? []), path.resolve('scripts/serve.js'), path.join(copy, 'build')],
		{
			env: {
				...process.env,
				PORT: String(options.port),
				HOST: '127.0.0.1',
				ORIGIN: baseUrl,
				BACKGROUND_JOBS: 'off',
				DEMO_DATA: 'off',
				// Requests still in flight when the load stops are cut after this many seconds.
				SHUTDOWN_TIMEOUT: '5',
				...(options.workers ? { WEB_CONCURRENCY: String(options.workers) } : {}),
				...('url' in options.database
					? { DATABASE_URL: options.database.url }
					: { DATABASE_URL: '', DATA_DIR: options.database.dataDir })
			},
			stdio: ['ignore', log, log]
		}
	);
	const removeCopy = () => rmSync(copy, { recursive: true, force: true });
	const deadline = Date.now() + 120_000;
	while (Date.now() < deadline) {
		if (server.exitCode !== null) {
			removeCopy();
			throw new Error(`The server exited with ${server.exitCode}: see ${options.logFile}`);
		}
		try {
			if ((await fetch(`${baseUrl}/sign-in`)).ok) break;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	if (Date.now() >= deadline) {
		server.kill('SIGKILL');
		removeCopy();
		throw new Error(`The server did not start within 120 s: see ${options.logFile}`);
	}
	return {
		baseUrl,
		stop: async () => {
			if (server.exitCode === null) {
				const exited = new Promise((resolve) => server.once('exit', resolve));
				server.kill('SIGTERM');
				// A graceful stop waits for open connections; never longer than this.
				const forced = setTimeout(() => server.kill('SIGKILL'), 30_000);
				await exited;
				clearTimeout(forced);
			}
			removeCopy();
		}
	};
}
