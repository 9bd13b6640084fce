import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
	expectNoAxeViolations,
	expectServerRenderedSubmitPage,
	newContext,
	useBrowser
} from './support/browser';

const browser = useBrowser();

// A real 2×2 PNG, as a phone camera would hand over a (much larger) JPEG.
const PHOTO = path.join(tmpdir(), 'teian-e2e-photo.png');
writeFileSync(
	PHOTO,
	Buffer.from(
		'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
		'base64'
	)
);
// A camera-sized picture of noise: 2400×1800, about 13 MB as PNG, far over the 5 MB limit. Only
// the browser's resizing (to 1600 px, JPEG) lets it through.
const CAMERA_PHOTO = path.join(tmpdir(), 'teian-e2e-camera.png');
writeFileSync(CAMERA_PHOTO, noisePng(2400, 1800));
const HUGE_PHOTO = path.join(tmpdir(), 'teian-e2e-huge.jpg');
const huge = Buffer.alloc(6 * 1024 * 1024);
huge.set([0xff, 0xd8, 0xff]);
writeFileSync(HUGE_PHOTO, huge);
const TITLE = 'Price labels that survive the misting system';
const PROMISE =
	/Your manager will decide by (Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, \d{1,2} \w+ \d{4}\./;
let ideaPath = '';

function noisePng(width: number, height: number): Buffer {
	const chunk = (type: string, data: Buffer) => {
		const body = Buffer.concat([Buffer.from(type), data]);
		const length = Buffer.alloc(4);
		length.writeUInt32BE(data.length);
		const crc = Buffer.alloc(4);
		crc.writeUInt32BE(crc32(body));
		return Buffer.concat([length, body, crc]);
	};
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
	const row = 1 + width * 3; // each row starts with filter type 0
	const pixels = randomBytes(row * height);
	for (let y = 0; y < height; y++) pixels[y * row] = 0;
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(pixels, { level: 0 })),
		chunk('IEND', Buffer.alloc(0))
	]);
}

async function fillIdea(page: Page, title: string, photo = PHOTO) {
	await page.getByLabel('Title').fill(title);
	await page
		.getByLabel('What is wrong today?')
		.fill('The paper labels go soggy and fall off within a day.');
	await page
		.getByLabel('What do you propose?')
		.fill('Use the laminated labels the bakery already orders.');
	await page.getByText('Quality', { exact: true }).click();
	await page.getByLabel('Estimated cost (optional)').fill('80');
	await page.getByLabel('Photo (optional)').setInputFiles(photo);
}

describe('the idea loop on a phone', () => {
	it('an employee submits an idea with a photo and is shown the date of the decision', async () => {
		const context = await newContext(browser(), 'employee');
		const page = await context.newPage();
		await page.goto('/ideas');
		await expectNoAxeViolations(page);
		await page.getByRole('link', { name: 'Share an idea' }).click();
		await page.waitForURL('**/ideas/new');
		await expectNoAxeViolations(page);
		// The page is light on a phone: one small plain script, no framework code.
		await expectServerRenderedSubmitPage(page);

		// Typing a title offers similar ideas, to vote on instead of duplicating.
		await page.getByLabel('Title').pressSequentially('crates for produce');
		await expect
			.poll(() => page.getByRole('link', { name: 'Reusable crates instead of cardboard' }).count())
			.toBe(1);
		expect(await page.getByText('Similar ideas already shared').isVisible()).toBe(true);
		await expectNoAxeViolations(page);

		// A photo straight from the camera: previewed, then made smaller in the browser and sent.
		await fillIdea(page, TITLE, CAMERA_PHOTO);
		const preview = page.getByRole('img', { name: 'Preview of your selection' });
		await expect
			.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth))
			.toBe(2400);
		await page.getByRole('button', { name: 'Send idea' }).click();
		await page.waitForURL(/\/ideas\/[0-9a-f-]{36}\?submitted$/);
		ideaPath = new URL(page.url()).pathname;
		expect(await page.getByRole('status').first().textContent()).toMatch(PROMISE);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(TITLE);
		const photo = page.getByRole('img', { name: `Taken by the author for “${TITLE}”` });
		await expect
			.poll(() => photo.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]))
			.toEqual([1600, 1200]);
		await expectNoAxeViolations(page);
		await context.close();
	});

	it('a colleague votes and comments', async () => {
		const context = await newContext(browser(), 'colleague');
		const page = await context.newPage();
		await page.goto(ideaPath);
		await page.getByRole('button', { name: 'Vote for this idea' }).click();
		await expect
			.poll(() => page.getByRole('button', { name: 'Voted — take back' }).count())
			.toBe(1);
		expect(await page.getByText('1 vote', { exact: true }).count()).toBe(1);

		await page.getByLabel('Add a comment').fill('The bakery labels really do last. +1');
		await page.getByRole('button', { name: 'Comment', exact: true }).click();
		await expect.poll(() => page.getByText('The bakery labels really do last. +1').count()).toBe(1);
		await expectNoAxeViolations(page);
		await context.close();
	});

	it('the manager decides from the queue without leaving it', async () => {
		// As served, before any JavaScript: every decision form posts to the queue's action.
		const plain = await newContext(browser(), 'storeManager', { javaScriptEnabled: false });
		try {
			const served = await plain.newPage();
			await served.goto('/queue');
			const actions = await served
				.locator('main form')
				.evaluateAll((forms) => forms.map((form) => form.getAttribute('action')));
			expect(actions.length).toBeGreaterThan(0);
			for (const action of actions) expect(action).toMatch(/^\?\/decide(&|$)/);
		} finally {
			await plain.close();
		}

		const context = await newContext(browser(), 'storeManager');
		const page = await context.newPage();
		await page.goto('/queue');
		await expectNoAxeViolations(page);
		const card = page.getByRole('listitem').filter({ hasText: TITLE });
		await card.locator('summary', { hasText: 'Accept' }).click();
		await card.getByRole('button', { name: 'Accept' }).click();
		await page.waitForURL(/\/queue\?decided=/);
		await expect
			.poll(async () => (await page.getByRole('status').first().textContent())?.trim())
			.toBe('Decision saved. The author has been told.');
		expect(await page.getByRole('listitem').filter({ hasText: TITLE }).count()).toBe(0);
		await expectNoAxeViolations(page);
		await context.close();
	});

	it('the author sees the decision and the notification', async () => {
		const context = await newContext(browser(), 'employee');
		const page = await context.newPage();
		await page.goto('/ideas/mine');
		const bell = page.getByRole('link', { name: /Notifications, \d+ unread/ }).first();
		expect(await bell.count()).toBe(1);
		await bell.click();
		await page.waitForURL('**/notifications');
		expect(await page.getByText(`Your idea was accepted: ${TITLE}`).count()).toBeGreaterThan(0);
		await expectNoAxeViolations(page);
		await page.goto(ideaPath);
		const outcome = page.getByRole('region', { name: 'Accepted' });
		expect(await outcome.getByText(/Sam Rivera implements it by \d{4}-\d{2}-\d{2}/).count()).toBe(
			1
		);
		await expectNoAxeViolations(page);
		await context.close();
	});

	it('submits the same way with JavaScript switched off, with messages next to bad fields', async () => {
		const context = await newContext(browser(), 'shopFloor', { javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/ideas/new');
		await page.locator('main form').evaluate((form: HTMLFormElement) => (form.noValidate = true));
		await page.getByLabel('Estimated cost (optional)').fill('a lot');
		await page.getByRole('button', { name: 'Send idea' }).click();
		await page.waitForLoadState();
		expect(await page.locator('#field-title-error').textContent()).toBe('Enter a title.');
		expect(await page.locator('#benefitType-error').textContent()).toBe('Choose the main benefit.');
		expect(await page.locator('#field-estimatedCost-error').textContent()).toContain(
			'amount like 1250'
		);

		// A full-size photo with no browser resizing: the server answers next to the field.
		await fillIdea(page, 'Spare gloves at the line 1 entrance');
		await page.getByLabel('Photo (optional)').setInputFiles(HUGE_PHOTO);
		await page.getByRole('button', { name: 'Send idea' }).click();
		await page.waitForLoadState();
		expect(await page.locator('#photo-error').textContent()).toMatch(
			/The photo is 6\.0 MB; the limit is 5 MB/
		);
		expect(await page.getByLabel('Title').inputValue()).toBe('Spare gloves at the line 1 entrance');

		await page.getByLabel('Photo (optional)').setInputFiles(PHOTO);
		await page.getByRole('button', { name: 'Send idea' }).click();
		await page.waitForURL(/\/ideas\/[0-9a-f-]{36}\?submitted$/);
		expect(await page.getByRole('status').first().textContent()).toMatch(PROMISE);
		await context.close();
	});
});
