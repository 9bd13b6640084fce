import { describe, expect, it } from 'vitest';
import type { E2eRole } from './support/people';
import { DESK, PHONE, expectNoAxeViolations, newContext, useBrowser } from './support/browser';

const browser = useBrowser();

const PAGES: [E2eRole, string, string][] = [
	['employee', '/ideas', 'Ideas'],
	['employee', '/ideas/mine', 'My ideas'],
	['employee', '/ideas/new', 'Share an idea'],
	['employee', '/notifications', 'Notifications'],
	['shopFloor', '/recognition', 'Your recognition'],
	['shopFloorColleague', '/ideas/wall', 'Team wall'],
	['manager', '/gainsharing', 'Team gainsharing'],
	['lineManager', '/queue?tab=accepted', 'Decision queue'],
	['admin', '/admin/outbox', 'Outbox'],
	['hr', '/insights/overdue', 'Overdue ideas'],
	['admin', '/insights?period=52w', 'Insights'],
	['admin', '/admin/settings', 'Settings'],
	['employee', '/account', 'Your account'],
	['manager', '/queue', 'Decision queue'],
	['hr', '/insights', 'Insights'],
	['admin', '/admin/people', 'People'],
	['admin', '/admin/teams', 'Teams']
];

describe('every page, on a phone and at a desk', () => {
	for (const viewport of [PHONE, DESK]) {
		it(`has no axe violations at ${viewport.width}×${viewport.height}`, async () => {
			for (const [role, path, heading] of PAGES) {
				const context = await newContext(browser(), role, { viewport });
				const page = await context.newPage();
				await page.goto(path);
				expect(await page.getByRole('heading', { level: 1 }).textContent(), path).toBe(heading);
				await expectNoAxeViolations(page);
				// Nothing wider than the screen: no sideways scrolling on a phone.
				const overflow = await page.evaluate(
					() => document.documentElement.scrollWidth - window.innerWidth
				);
				expect(overflow, `${path} overflows`).toBeLessThanOrEqual(0);
				await context.close();
			}
		});
	}

	it('explains a refused page and offers the way back', async () => {
		const context = await newContext(browser(), 'employee');
		const page = await context.newPage();
		const response = await page.goto('/admin/settings');
		expect(response?.status()).toBe(403);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Not for your role');
		expect(await page.getByText('This page is for the Administrator role.').count()).toBe(1);
		await expectNoAxeViolations(page);
		await page.getByRole('link', { name: 'Go to your start page' }).click();
		await page.waitForURL('**/ideas');
		await context.close();
	});
});
