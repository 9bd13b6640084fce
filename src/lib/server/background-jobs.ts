import { deleteStaleAuthRecords } from './auth/housekeeping';
import { refreshStoredRoutes } from './ideas/stored-routes';
import { runDeadlineJob } from './notify/deadline-job';
import { deliverPendingEmails } from './notify/mailer';

const FIRST_RUN_DELAY_MS = 5_000;
const INTERVAL_MS = 60_000;

/**
 * Runs the deadline job (reminders, escalations, digests), the queue's stored routes (after a
 * change to the hierarchy, off the request path), the mailer and auth housekeeping shortly
 * after start-up and then every minute, on every app server (all are safe to run concurrently). Failures are logged and retried on the next tick,
 * never thrown. Returns a function that stops the timers. BACKGROUND_JOBS=off turns it all off.
 */
export function startBackgroundJobs(): () => void {
	if (process.env.BACKGROUND_JOBS === 'off') return () => {};
	let isRunning = false;
	const tick = async () => {
		// A slow tick (an SMTP server timing out) must not pile up behind itself.
		if (isRunning) return;
		isRunning = true;
		try {
			await runLogged('deadline job', () => runDeadlineJob());
			await runLogged('queue routes', () => refreshStoredRoutes());
			await runLogged('mailer', () => deliverPendingEmails());
			await runLogged('auth housekeeping', () => deleteStaleAuthRecords());
		} finally {
			isRunning = false;
		}
	};
	const firstRun = setTimeout(() => void tick(), FIRST_RUN_DELAY_MS);
	const interval = setInterval(() => void tick(), INTERVAL_MS);
	// The timers alone must not keep the process alive at shutdown.
	firstRun.unref();
	interval.unref();
	return () => {
		clearTimeout(firstRun);
		clearInterval(interval);
	};
}

async function runLogged(name: string, job: () => Promise<unknown>): Promise<void> {
	try {
		await job();
	} catch (error) {
		console.error(`Background ${name} failed; it will try again in a minute.`, error);
	}
}
