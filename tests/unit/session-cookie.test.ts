import type { Cookies } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import {
	ABSOLUTE_LIFETIME_MS,
	INACTIVITY_TIMEOUT_MS,
	sessionExpiresAt,
	setSessionCookie
} from '../../src/lib/server/auth/session';

function recordingCookies() {
	const calls: { name: string; value: string; options: Record<string, unknown> }[] = [];
	const cookies = {
		set: (name: string, value: string, options: Record<string, unknown>) =>
			calls.push({ name, value, options })
	} as unknown as Cookies;
	return { cookies, calls };
}

describe('the session cookie', () => {
	const expires = new Date('2026-07-01T00:00:00Z');

	it('is HttpOnly and SameSite=Lax, and over https also Secure with the __Host- prefix', () => {
		const { cookies, calls } = recordingCookies();
		setSessionCookie(cookies, 'token', expires, true);
		expect(calls).toEqual([
			{
				name: '__Host-teian_session',
				value: 'token',
				options: { httpOnly: true, sameSite: 'lax', secure: true, path: '/', expires }
			}
		]);
	});

	it('drops Secure and the prefix over plain http (a local trial), which browsers would refuse', () => {
		const { cookies, calls } = recordingCookies();
		setSessionCookie(cookies, 'token', expires, false);
		expect(calls[0].name).toBe('teian_session');
		expect(calls[0].options).toMatchObject({ httpOnly: true, sameSite: 'lax', secure: false });
	});

	it('expires at the earlier of the inactivity and the absolute limit', () => {
		const createdAt = new Date('2026-01-01T00:00:00Z');
		const fresh = sessionExpiresAt({ createdAt, lastActiveAt: createdAt });
		expect(fresh.getTime()).toBe(createdAt.getTime() + INACTIVITY_TIMEOUT_MS);
		const late = new Date(createdAt.getTime() + ABSOLUTE_LIFETIME_MS - 1000);
		expect(sessionExpiresAt({ createdAt, lastActiveAt: late }).getTime()).toBe(
			createdAt.getTime() + ABSOLUTE_LIFETIME_MS
		);
	});
});
