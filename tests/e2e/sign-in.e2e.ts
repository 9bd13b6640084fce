import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
	expectNoAxeViolations,
	expectServerRenderedSubmitPage,
	newContext,
	useBrowser
} from './support/browser';

const browser = useBrowser();

async function signInWithForm(page: Page, identifier: string, password = 'teian-demo') {
	await page.getByLabel('E-mail or employee number').fill(identifier);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Opens a page signed out, signs in where that leads, and is brought back to the page. */
async function signInReturningTo(page: Page, path: string, identifier: string) {
	await page.goto(path);
	expect(page.url()).toContain(`/sign-in?redirectTo=${encodeURIComponent(path)}`);
	await signInWithForm(page, identifier);
	await page.waitForURL(`**${path}`);
}

describe('signing in on a phone', () => {
	it('signs a shop-floor employee in with an employee number and lands on their ideas', async () => {
		const context = await newContext(browser(), null);
		const page = await context.newPage();
		await page.goto('/');
		expect(new URL(page.url()).pathname).toBe('/sign-in');
		await expectNoAxeViolations(page);

		await signInWithForm(page, 'E1001', 'wrong password');
		await expect
			.poll(() => page.getByRole('alert').textContent())
			.toContain('That sign-in name and password don’t match.');
		expect(await page.getByLabel('E-mail or employee number').inputValue()).toBe('E1001');
		await expectNoAxeViolations(page);

		await signInWithForm(page, 'E1001');
		await page.waitForURL('**/ideas');
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Ideas');
		const nav = page.getByRole('navigation', { name: 'Main (mobile)' });
		const labels = await nav.getByRole('link').allTextContents();
		expect(labels.map((label) => label.trim())).toEqual(['Ideas', 'Account']);
		await expectNoAxeViolations(page);

		await page.getByRole('button', { name: 'Sign out' }).click();
		await page.waitForURL('**/sign-in');
		await page.goto('/ideas');
		expect(new URL(page.url()).pathname).toBe('/sign-in');
		await context.close();
	});

	it('takes a manager to the queue and returns to the page asked for', async () => {
		const context = await newContext(browser(), null);
		const page = await context.newPage();
		await signInReturningTo(page, '/account', 'kenji@hanami.example');
		await page.goto('/');
		await page.waitForURL('**/queue');
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Decision queue');
		await expectNoAxeViolations(page);
		await context.close();
	});

	it('brings an employee back to the submit page as the server renders it (no framework code)', async () => {
		const context = await newContext(browser(), null);
		const page = await context.newPage();
		await signInReturningTo(page, '/ideas/new', 'E1001');
		await page.waitForLoadState('load');
		await expectServerRenderedSubmitPage(page);
		await context.close();
	});

	it('works with JavaScript switched off', async () => {
		const context = await newContext(browser(), null, { javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/sign-in');
		await signInWithForm(page, 'hana@hanami.example');
		await page.waitForURL('**/insights');
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Insights');
		await context.close();
	});
});
