// Serves the built app as production runs it: `node scripts/serve.js [build directory]`.
//
// On PostgreSQL it starts one worker per core (node:cluster; the workers share the port), so a
// two-core server uses both cores instead of one. The first worker alone runs the background jobs.
// A worker that dies after it served is replaced; one that dies before it listened (a wrong
// DATABASE_URL, a failed migration) stops the whole server rather than restart for ever.
// SIGTERM and SIGINT stop every worker gracefully, as adapter-node stops one process.
import cluster from 'node:cluster';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { workerCount } from './workers.js';

const app = pathToFileURL(path.resolve(process.argv[2] ?? 'build', 'index.js')).href;

if (cluster.isWorker) {
	// Once adapter-node has stopped serving and the app has closed its database, the channel to the
	// primary is all that keeps the worker alive: let it go, so the worker exits by itself.
	process.once('sveltekit:shutdown', () => cluster.worker?.disconnect());
	await import(app);
} else {
	let workers;
	try {
		workers = workerCount(process.env, os.availableParallelism());
	} catch (error) {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	}
	if (workers.note) console.warn(workers.note);
	if (workers.count === 1) await import(app);
	else serveWithWorkers(workers.count);
}

/** @param {number} count */
function serveWithWorkers(count) {
	/** Set once the server is stopping. @type {NodeJS.Signals | undefined} */
	let stopSignal;
	let exitCode = 0;
	let isAnnounced = false;
	/** @type {Set<import('node:cluster').Worker>} */
	const running = new Set();
	/** Worker ids that are listening. */
	const listening = new Set();

	/** @param {number} slot 1 … count; slot 1 runs the background jobs. */
	const start = (slot) => {
		const worker = cluster.fork(slot === 1 ? {} : { BACKGROUND_JOBS: 'off' });
		running.add(worker);
		worker.on('listening', () => {
			listening.add(worker.id);
			if (listening.size === count && !isAnnounced) {
				isAnnounced = true;
				console.log(`Teian serves from ${count} worker processes (WEB_CONCURRENCY to change).`);
			}
		});
		worker.on('exit', (code, signal) => {
			running.delete(worker);
			const hadListened = listening.delete(worker.id);
			if (stopSignal) {
				// A worker still starting has no handler yet: the stop signal ends it, as asked.
				if (code !== 0 && signal !== stopSignal) exitCode = 1;
				if (running.size === 0) process.exit(exitCode);
			} else if (hadListened) {
				console.error(
					`Worker ${slot} (pid ${worker.process.pid}) died (${signal ?? `exit ${code}`}); starting another.`
				);
				start(slot);
			} else {
				console.error(`Worker ${slot} stopped before it could serve; stopping Teian.`);
				exitCode = 1;
				stop('SIGTERM');
			}
		});
	};

	/** @param {NodeJS.Signals} signal */
	const stop = (signal) => {
		// A second signal, or workers still there well after adapter-node's own limit: force them.
		const force = () => {
			for (const worker of running) worker.process.kill('SIGKILL');
		};
		if (stopSignal) return force();
		stopSignal = signal;
		if (running.size === 0) process.exit(exitCode);
		for (const worker of running) worker.process.kill(signal);
		const limitSeconds = Number(process.env.SHUTDOWN_TIMEOUT) || 30;
		setTimeout(force, (limitSeconds + 10) * 1000).unref();
	};

	for (const signal of /** @type {const} */ (['SIGTERM', 'SIGINT'])) process.on(signal, stop);
	for (let slot = 1; slot <= count; slot++) start(slot);
}
