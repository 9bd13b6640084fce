import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
	gainsharingAmount,
	gainsharingPeriodEnd,
	gainsharingPeriodStart
} from '../../src/lib/domain/gainsharing';
import { db, pgErrorCode } from '../../src/lib/server/db';
import { gainsharingEntries } from '../../src/lib/server/db/schema';
import { decideIdea } from '../../src/lib/server/ideas/decide';
import { getTeamPool } from '../../src/lib/server/recognition/gainsharing';
import { updateOrganisationSettings } from '../../src/lib/server/org/settings';
import { useTestDatabase } from './support/database';
import { makeTeam } from './support/factories';
import { makePlant, submitTestIdea, viewer, decisionsWith, MANAGER_ROLES } from './support/ideas';

useTestDatabase();

const MANAGER = MANAGER_ROLES;
const decision = decisionsWith({ note: 'Done.', targetDate: '2099-01-01' });

describe('gainsharing periods', () => {
	it('cuts four-week periods from a fixed Monday, the same on every server', () => {
		expect(gainsharingPeriodStart('2024-01-01')).toBe('2024-01-01');
		expect(gainsharingPeriodStart('2024-01-28')).toBe('2024-01-01');
		expect(gainsharingPeriodStart('2024-01-29')).toBe('2024-01-29');
		expect(gainsharingPeriodStart('2026-11-24')).toBe('2026-11-02'); // 1058 days in: period 37
		expect(gainsharingPeriodEnd('2026-11-02')).toBe('2026-11-29');
		expect(gainsharingAmount(2600, 10)).toBe(260);
		expect(gainsharingAmount(1234.55, 15)).toBe(185.18);
	});
});

describe('the gainsharing ledger', () => {
	it('accrues the organisation’s share of realised savings to the implementing team, once', async () => {
		await updateOrganisationSettings({ gainsharingPercent: 15, timeZone: 'UTC' });
		const { yuki, aiko, line } = await makePlant();
		const manager = viewer(aiko, [...MANAGER]);
		const saved = await submitTestIdea(yuki, { title: 'Saves money' });
		const nothing = await submitTestIdea(yuki, { title: 'Saves nothing measurable' });
		for (const ideaId of [saved, nothing]) {
			await decideIdea(manager, ideaId, decision({ ownerId: yuki.id }));
		}
		const at = new Date('2026-11-24T10:00:00Z');
		await decideIdea(
			manager,
			saved,
			decision({ to: 'implemented', expectedStatus: 'accepted', realisedSavings: 4000 }),
			at
		);
		await decideIdea(
			manager,
			nothing,
			decision({ to: 'implemented', expectedStatus: 'accepted' }),
			at
		);

		const pool = await getTeamPool(line.id);
		expect(pool.periods.map((period) => [period.periodStart, period.total])).toEqual([
			['2026-11-02', 600]
		]);
		expect(pool.periods[0].entries.map((entry) => [entry.ideaTitle, entry.amount])).toEqual([
			['Saves money', 600]
		]);
	});

	it('is never edited: changes are refused by the database, corrections are new entries', async () => {
		const { line } = await makePlant();
		await db.insert(gainsharingEntries).values({
			teamId: line.id,
			periodStart: '2026-11-09',
			reason: 'implementation',
			amount: 600
		});
		const refusal = async (change: Promise<unknown>) =>
			pgErrorCode(
				await change.then(
					() => null,
					(caught: unknown) => caught
				)
			);
		expect(await refusal(db.update(gainsharingEntries).set({ amount: 6000 }))).toBe('23001');
		expect(await refusal(db.delete(gainsharingEntries))).toBe('23001');
		expect(await refusal(db.execute(sql`update gainsharing_entries set amount = 0`))).toBe('23001');

		await db.insert(gainsharingEntries).values({
			teamId: line.id,
			periodStart: '2026-11-09',
			reason: 'correction',
			amount: -100,
			note: 'Savings re-measured'
		});
		const pool = await getTeamPool(line.id);
		expect(pool.periods[0].total).toBe(500);
		expect(pool.periods[0].entries.map((entry) => entry.reason)).toEqual([
			'implementation',
			'correction'
		]);
		expect(pool.hasEarlier).toBe(false);
	});

	it('gives the latest periods first, and says when there are earlier ones', async () => {
		const line = await makeTeam('Line 9');
		const starts = ['2026-08-17', '2026-09-14', '2026-10-12', '2026-11-09'];
		for (const [index, periodStart] of starts.entries()) {
			for (const amount of [10, 20]) {
				await db.insert(gainsharingEntries).values({
					teamId: line.id,
					periodStart,
					reason: 'correction',
					amount: amount * (index + 1)
				});
			}
		}
		const latest = await getTeamPool(line.id, 2);
		expect(latest.periods.map((period) => [period.periodStart, period.total])).toEqual([
			['2026-11-09', 120],
			['2026-10-12', 90]
		]);
		expect(latest.periods[0].entries).toHaveLength(2);
		expect(latest.hasEarlier).toBe(true);
		const all = await getTeamPool(line.id, 4);
		expect(all.periods).toHaveLength(4);
		expect(all.hasEarlier).toBe(false);
		expect(await getTeamPool((await makeTeam('Empty')).id)).toEqual({
			teamName: 'Empty',
			periods: [],
			hasEarlier: false
		});
	});
});
