import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, newContext, useBrowser } from './support/browser';
import { postForm, request } from './support/http';

const browser = useBrowser();

function csvFile(name: string, lines: string[]): string {
	const file = path.join(tmpdir(), `teian-${Date.now()}-${name}`);
	writeFileSync(file, lines.join('\n'));
	return file;
}

describe('the administrator, on a phone', () => {
	it('adds a person, who then sets a password with the invite link and signs in', async () => {
		const admin = await newContext(browser(), 'admin');
		const page = await admin.newPage();
		await page.goto('/admin');
		await expectNoAxeViolations(page);
		await page.getByRole('link', { name: 'Add a person' }).click();
		await page.waitForURL('**/admin/people/new');
		await expectNoAxeViolations(page);

		// Bad input first (past the browser's own checks): messages appear next to the fields.
		await page.locator('main form').evaluate((form: HTMLFormElement) => (form.noValidate = true));
		await page.getByRole('button', { name: 'Add person and create invite link' }).click();
		await expect
			.poll(() => page.locator('#field-displayName-error').textContent())
			.toBe('Enter the person’s name.');
		expect(await page.locator('#field-homeTeam-error').textContent()).toBe(
			'Choose the person’s team.'
		);
		await expectNoAxeViolations(page);

		// Teams are typed, with the browser's suggestions: a team that does not exist is named.
		await page.getByLabel('Name').fill('Kaito Mori');
		await page.getByLabel('Employee number (optional)').fill('e2077');
		await page.getByLabel('Team', { exact: true }).fill('Plant Nagoya › Packing');
		await page.getByRole('button', { name: 'Add person and create invite link' }).click();
		await expect
			.poll(() => page.locator('#field-homeTeam-error').textContent())
			.toBe('There is no team “Plant Nagoya › Packing”. Choose one from the list.');
		expect(await page.getByLabel('Name').inputValue()).toBe('Kaito Mori');
		expect(await page.locator('#team-paths option[value="Plant Nagoya › Packaging"]').count()).toBe(
			1
		);
		await page.getByLabel('Team', { exact: true }).fill('Plant Nagoya › Packaging');
		await page.getByRole('button', { name: 'Add person and create invite link' }).click();
		await page.waitForURL(/\/admin\/people\/[0-9a-f-]{36}$/);
		const inviteUrl = await page.getByLabel('Invite link').inputValue();
		expect(inviteUrl).toMatch(/\/invite\/[a-z2-9]{24}\.[a-z2-9]{24}$/);
		await expectNoAxeViolations(page);

		// Shown once: a reload no longer shows it.
		await page.reload();
		expect(await page.getByLabel('Invite link').count()).toBe(0);

		const newcomer = await newContext(browser(), null);
		const invitePage = await newcomer.newPage();
		await invitePage.goto(inviteUrl);
		expect(await invitePage.getByRole('heading', { level: 1 }).textContent()).toBe(
			'Welcome, Kaito Mori'
		);
		await expectNoAxeViolations(invitePage);
		await invitePage.getByLabel('New password').fill('password');
		await invitePage.getByLabel('Repeat the password').fill('password');
		await invitePage.getByRole('button', { name: 'Save password and sign in' }).click();
		await expect
			.poll(() => invitePage.locator('#field-password-error').textContent())
			.toContain('most commonly used');
		await invitePage.getByLabel('New password').fill('boxes stack high today');
		await invitePage.getByLabel('Repeat the password').fill('boxes stack high today');
		await invitePage.getByRole('button', { name: 'Save password and sign in' }).click();
		await invitePage.waitForURL('**/ideas');

		// The link is used up.
		await invitePage.goto(inviteUrl);
		expect(await invitePage.getByRole('heading', { level: 1 }).textContent()).toBe(
			'This link can’t be used'
		);
		await expectNoAxeViolations(invitePage);
		await newcomer.close();
		await admin.close();
	});

	it('changes the teams a manager manages: ticked by id, another typed with suggestions', async () => {
		const admin = await newContext(browser(), 'admin');
		const page = await admin.newPage();
		await page.goto('/admin/people?q=marcus');
		await page.getByRole('link', { name: 'Marcus Webb' }).click();
		await page.waitForURL(/\/admin\/people\/[0-9a-f-]{36}$/);
		expect(await page.getByLabel('Team', { exact: true }).inputValue()).toBe('Store Riverside');
		const managed = page.getByRole('group', { name: 'Teams managed' });
		expect(await managed.getByRole('checkbox', { name: 'Store Riverside' }).isChecked()).toBe(true);

		await page.getByLabel('Add another team to manage').fill('store riverside › bakery');
		await page.getByRole('button', { name: 'Save changes' }).click();
		await page.waitForURL(/\?saved$/);
		const bakery = managed.getByRole('checkbox', { name: 'Store Riverside › Bakery' });
		expect(await bakery.isChecked()).toBe(true);
		expect(await page.getByLabel('Add another team to manage').inputValue()).toBe('');
		await expectNoAxeViolations(page);

		// Unticked, it is no longer managed; the home team, unchanged, stays.
		await bakery.uncheck();
		await page.getByRole('button', { name: 'Save changes' }).click();
		await expect.poll(() => bakery.count()).toBe(0);
		expect(await page.getByLabel('Team', { exact: true }).inputValue()).toBe('Store Riverside');
		expect(await managed.getByRole('checkbox').count()).toBe(1);
		await admin.close();
	});

	it('imports nothing from a CSV with bad rows, then imports a good one', async () => {
		const admin = await newContext(browser(), 'admin');
		const page = await admin.newPage();
		await page.goto('/admin/import');
		await expectNoAxeViolations(page);

		await page
			.getByLabel('CSV file (up to 2 MB)')
			.setInputFiles(
				csvFile('bad.csv', [
					'name,email,employee_number,team,roles',
					'Good Row,good.row@hanami.example,,Plant Nagoya/Night Shift,employee',
					'Bad Row,not-an-email,,Plant Nagoya,employee'
				])
			);
		await page.getByRole('button', { name: 'Import' }).click();
		await expect
			.poll(() => page.locator('#file-error').textContent())
			.toBe('Nothing was imported: 1 problem(s) to fix.');
		const cells = await page.locator('tbody tr td').allTextContents();
		expect(cells).toEqual(['3', 'email: Enter an e-mail address like name@example.com.']);
		await expectNoAxeViolations(page);

		await page.goto('/admin/people?q=good.row');
		expect(await page.getByText('Nobody matches').count()).toBe(1);

		await page.goto('/admin/import');
		await page
			.getByLabel('CSV file (up to 2 MB)')
			.setInputFiles(
				csvFile('good.csv', [
					'name,email,employee_number,team,roles',
					'Good Row,good.row@hanami.example,,Plant Nagoya/Night Shift,employee',
					'Second Row,,N3001,Plant Nagoya/Night Shift,employee'
				])
			);
		await page.getByRole('button', { name: 'Import' }).click();
		await expect
			.poll(() => page.getByRole('status').first().textContent())
			.toContain('Imported 2 people');
		expect(await page.getByText('New teams: Plant Nagoya/Night Shift.').count()).toBe(1);
		await expectNoAxeViolations(page);
		await admin.close();
	});

	it('edits teams and settings, with messages next to bad fields', async () => {
		const admin = await newContext(browser(), 'admin');
		const page = await admin.newPage();
		await page.goto('/admin/teams');
		await expectNoAxeViolations(page);
		await page.getByLabel('Name', { exact: true }).last().fill('Bakery');
		await page.getByLabel('Part of').fill('store riverside');
		await page.getByRole('button', { name: 'Add team' }).click();
		await expect
			.poll(() => page.locator('#new-team-name-error').textContent())
			.toBe('There is already a team called "Bakery" here.');

		// Each team is edited on a page of its own (the list stays small at 2,000 teams).
		await page.getByRole('link', { name: /^Edit .*Store Riverside › Bakery$/ }).click();
		await page.waitForURL(/\/admin\/teams\/[0-9a-f-]{36}$/);
		const bakeryPath = new URL(page.url()).pathname;
		await expectNoAxeViolations(page);
		expect(await page.getByLabel('Move under').inputValue()).toBe('Store Riverside');
		const parents = await page
			.locator('#move-paths option')
			.evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
		expect(parents).toContain('Plant Nagoya › Packaging');
		// Not under itself.
		expect(parents.some((path) => path.includes('Bakery'))).toBe(false);
		await page.getByLabel('Name', { exact: true }).fill('Bread/Cakes');
		await page.getByRole('button', { name: 'Rename' }).click();
		await expect
			.poll(() => page.locator('#rename-error').textContent())
			.toBe('A team name cannot contain "/" or "›" (they separate team paths).');
		await page.getByLabel('Name', { exact: true }).fill('Bakery');
		await page.getByRole('button', { name: 'Rename' }).click();
		await page.waitForURL(/\/admin\/teams\?changed=/);
		expect(await page.getByText(/^Saved “.*Store Riverside › Bakery”\.$/).count()).toBe(1);
		// A malformed team id is no team, for a page and for a form post alike.
		expect((await request('admin', '/admin/teams/not-a-team')).status).toBe(404);
		expect((await postForm('admin', '/admin/teams/not-a-team?/rename', { name: 'X' })).status).toBe(
			404
		);
		expect((await postForm('admin', '/admin/teams/not-a-team?/move', { parent: '' })).status).toBe(
			404
		);
		expect((await postForm('employee', `${bakeryPath}?/rename`, { name: 'X' })).status).toBe(403);
		const badMove = await postForm('admin', `${bakeryPath}?/move`, { parent: 'nowhere' });
		expect(badMove.status).toBe(400);
		expect(await badMove.text()).toContain('There is no team “nowhere”');

		// The list is searched by name or path.
		await page.goto('/admin/teams');
		await page.getByLabel('Find a team').fill('riverside');
		await page.getByRole('button', { name: 'Find' }).click();
		await page.waitForURL('**/admin/teams?q=riverside');
		expect(await page.getByText(/teams? match(es)? “riverside”/).count()).toBe(1);
		expect(await page.getByRole('link', { name: /^Edit / }).count()).toBeGreaterThan(1);
		expect(await page.getByRole('link', { name: /^Edit Plant Nagoya/ }).count()).toBe(0);
		await expectNoAxeViolations(page);

		await page.goto('/admin/settings');
		await expectNoAxeViolations(page);
		await page.getByLabel('Decision deadline (days)').fill('120');
		// Skip the browser's own range check to see the server's message.
		await page
			.locator('main form')
			.first()
			.evaluate((form: HTMLFormElement) => (form.noValidate = true));
		await page.getByRole('button', { name: 'Save settings' }).click();
		await expect
			.poll(() => page.locator('#field-decisionDeadlineDays-error').textContent())
			.toBe('The deadline can be at most 90 days.');
		await page.getByLabel('Decision deadline (days)').fill('10');
		await page.getByRole('button', { name: 'Save settings' }).click();
		await expect
			.poll(async () => (await page.getByRole('status').textContent())?.trim())
			.toBe('Settings saved.');
		await admin.close();
	});
});
