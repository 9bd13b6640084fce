import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runDeadlineJob } from '../../src/lib/server/notify/deadline-job';
import { deliverPendingEmails } from '../../src/lib/server/notify/mailer';
import { startBackgroundJobs } from '../../src/lib/server/background-jobs';
import { refreshStoredRoutes } from '../../src/lib/server/ideas/stored-routes';

// The jobs themselves are tested against a database in tests/db; here only their timing matters.
vi.mock('../../src/lib/server/notify/deadline-job', () => ({ runDeadlineJob: vi.fn() }));
vi.mock('../../src/lib/server/notify/mailer', () => ({ deliverPendingEmails: vi.fn() }));
vi.mock('../../src/lib/server/auth/housekeeping', () => ({ deleteStaleAuthRecords: vi.fn() }));
vi.mock('../../src/lib/server/ideas/stored-routes', () => ({ refreshStoredRoutes: vi.fn() }));

const deadlineJob = vi.mocked(runDeadlineJob);
const mailer = vi.mocked(deliverPendingEmails);
const queueRoutes = vi.mocked(refreshStoredRoutes);

describe('background jobs', () => {
	let stop: (() => void) | undefined;

	beforeEach(() => {
		vi.useFakeTimers();
		vi.stubEnv('BACKGROUND_JOBS', '');
		deadlineJob.mockReset().mockResolvedValue({
			ran: true,
			reminders: 0,
			escalations: 0,
			digests: 0
		});
		mailer.mockReset().mockResolvedValue({ sent: 0, failed: 0 });
		queueRoutes.mockReset().mockResolvedValue(undefined);
	});

	afterEach(() => {
		stop?.();
		stop = undefined;
		vi.useRealTimers();
		vi.unstubAllEnvs();
		vi.restoreAllMocks();
	});

	it('runs the jobs shortly after start, then every minute, until stopped', async () => {
		stop = startBackgroundJobs();
		expect(deadlineJob).not.toHaveBeenCalled();
		const calls = () => [deadlineJob, queueRoutes, mailer].map((job) => job.mock.calls.length);

		await vi.advanceTimersByTimeAsync(5_000);
		expect(calls()).toEqual([1, 1, 1]);

		await vi.advanceTimersByTimeAsync(60_000);
		expect(calls()).toEqual([2, 2, 2]);

		stop();
		await vi.advanceTimersByTimeAsync(5 * 60_000);
		expect(deadlineJob).toHaveBeenCalledTimes(2);
	});

	it('logs a failing job, still sends mail, and tries again on the next tick', async () => {
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		deadlineJob.mockRejectedValueOnce(new Error('connection refused'));
		stop = startBackgroundJobs();

		await vi.advanceTimersByTimeAsync(5_000);
		expect(log).toHaveBeenCalledTimes(1);
		expect(log.mock.calls[0][1]).toEqual(new Error('connection refused'));
		expect(mailer).toHaveBeenCalledTimes(1);

		await vi.advanceTimersByTimeAsync(60_000);
		expect(deadlineJob).toHaveBeenCalledTimes(2);
		expect(log).toHaveBeenCalledTimes(1);
	});

	it('does not start a tick while the previous one is still running', async () => {
		let finish: () => void = () => {};
		mailer.mockImplementationOnce(
			() =>
				new Promise((resolve) => {
					finish = () => resolve({ sent: 0, failed: 0 });
				})
		);
		stop = startBackgroundJobs();

		await vi.advanceTimersByTimeAsync(5_000 + 3 * 60_000);
		expect(deadlineJob).toHaveBeenCalledTimes(1);

		finish();
		await vi.advanceTimersByTimeAsync(60_000);
		expect(deadlineJob).toHaveBeenCalledTimes(2);
	});

	it('starts nothing with BACKGROUND_JOBS=off', async () => {
		vi.stubEnv('BACKGROUND_JOBS', 'off');
		stop = startBackgroundJobs();
		await vi.advanceTimersByTimeAsync(10 * 60_000);
		expect(deadlineJob).not.toHaveBeenCalled();
		expect(mailer).not.toHaveBeenCalled();
	});
});
