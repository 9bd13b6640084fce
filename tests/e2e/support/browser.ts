import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import type { E2eRole } from './people';

export const PHONE = { width: 390, height: 844 };
export const DESK = { width: 1280, height: 800 };

const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];

const axeSource = readFileSync(
	createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
	'utf8'
);

export const baseUrl = () => inject('baseUrl');

/** One Chromium per test file. */
export function useBrowser(): () => Browser {
	let browser: Browser;
	beforeAll(async () => {
		browser = await chromium.launch({
			executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
			args: CHROMIUM_ARGS
		});
	});
	afterAll(async () => {
		await browser?.close();
	});
	return () => browser;
}

/** A phone-sized browser context, signed in as the role's demo person unless role is null. */
export async function newContext(
	browser: Browser,
	role: E2eRole | null,
	options: { viewport?: typeof PHONE; javaScriptEnabled?: boolean } = {}
): Promise<BrowserContext> {
	const context = await browser.newContext({
		baseURL: baseUrl(),
		viewport: options.viewport ?? PHONE,
		javaScriptEnabled: options.javaScriptEnabled ?? true
	});
	// Fail in seconds, not minutes, when an element never shows up.
	context.setDefaultTimeout(10_000);
	if (role) {
		await context.addCookies([
			{ name: 'teian_session', value: inject('sessionTokens')[role], url: baseUrl() }
		]);
	}
	return context;
}

/** Runs axe-core (WCAG 2.x A and AA) on the page and fails with the violations found. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
	// evaluate() runs outside the page's CSP, which (rightly) forbids injected inline scripts.
	await page.evaluate(axeSource);
	const violations = await page.evaluate(async () => {
		const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
		const result = await axe.run(document, {
			runOnly: {
				type: 'tag',
				values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']
			}
		});
		return result.violations.map((v) => ({
			id: v.id,
			help: v.help,
			targets: v.nodes.slice(0, 3).map((node) => node.target.join(' '))
		}));
	});
	expect(violations, `axe violations on ${page.url()}`).toEqual([]);
}

/**
 * The submit page as the server renders it: its one small plain script and no framework modules
 * (a page the client router rendered would still hold the previous page's modules).
 */
export async function expectServerRenderedSubmitPage(page: Page): Promise<void> {
	expect(await page.locator('link[rel="modulepreload"]').count()).toBe(0);
	const scripts = await page
		.locator('script[src]')
		.evaluateAll((elements) => elements.map((element) => element.getAttribute('src')));
	expect(scripts).toEqual([expect.stringMatching(/\/idea-form\.[\w-]+\.js$/)]);
}
