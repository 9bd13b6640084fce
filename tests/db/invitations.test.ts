import { describe, expect, it } from 'vitest';
import { signIn } from '../../src/lib/server/auth/sign-in';
import {
	INVITATION_LIFETIME_MS,
	acceptInvitation,
	createInvitation,
	findInvitation
} from '../../src/lib/server/org/invitations';
import { useTestDatabase } from './support/database';
import { makePerson } from './support/factories';

useTestDatabase();

const NEW_PASSWORD = 'kaizen every single day';
const signInWith = (identifier: string, password: string) =>
	signIn({ identifier, password, clientAddress: '192.0.2.1' });

describe('invitations', () => {
	it('lets an invited person set a password once and then sign in with it', async () => {
		const person = await makePerson({ email: 'new@example.com', hasPassword: false });
		const { token } = await createInvitation(person.id, null);

		expect(await findInvitation(token)).toMatchObject({
			status: 'valid',
			signInName: 'new@example.com',
			hasPassword: false
		});
		const accepted = await acceptInvitation(token, NEW_PASSWORD);
		expect(accepted).toEqual({ ok: true, value: { personId: person.id } });
		expect((await signInWith('new@example.com', NEW_PASSWORD)).ok).toBe(true);

		expect(await findInvitation(token)).toEqual({ status: 'used' });
		const again = await acceptInvitation(token, 'someone else’s password');
		expect(again.ok).toBe(false);
		expect((await signInWith('new@example.com', 'someone else’s password')).ok).toBe(false);
	});

	it('expires 7 days after it was created', async () => {
		const person = await makePerson({ hasPassword: false });
		const created = new Date('2026-02-01T10:00:00Z');
		const { token, expiresAt } = await createInvitation(person.id, null, created);
		expect(expiresAt.getTime() - created.getTime()).toBe(7 * 24 * 60 * 60 * 1000);

		const justBefore = new Date(created.getTime() + INVITATION_LIFETIME_MS - 1000);
		expect((await findInvitation(token, justBefore)).status).toBe('valid');
		const atExpiry = new Date(created.getTime() + INVITATION_LIFETIME_MS);
		expect((await findInvitation(token, atExpiry)).status).toBe('expired');
		expect((await acceptInvitation(token, NEW_PASSWORD, atExpiry)).ok).toBe(false);
	});

	it('makes an earlier link stop working when a new one is issued', async () => {
		const person = await makePerson({ hasPassword: false });
		const first = await createInvitation(person.id, null);
		const second = await createInvitation(person.id, null);
		expect((await findInvitation(first.token)).status).toBe('invalid');
		expect((await acceptInvitation(first.token, NEW_PASSWORD)).ok).toBe(false);
		expect((await acceptInvitation(second.token, NEW_PASSWORD)).ok).toBe(true);
	});

	it('refuses a weak password without using up the link', async () => {
		const person = await makePerson({ hasPassword: false });
		const { token } = await createInvitation(person.id, null);
		expect(await acceptInvitation(token, 'password1')).toEqual({
			ok: false,
			errors: {
				password:
					'This password is one of the most commonly used and easy to guess. Choose another.'
			}
		});
		expect((await findInvitation(token)).status).toBe('valid');
	});

	it('rejects a forged secret and a deactivated person’s link', async () => {
		const person = await makePerson({ hasPassword: false });
		const { token } = await createInvitation(person.id, null);
		const forged = `${token.split('.')[0]}.${'b'.repeat(24)}`;
		expect((await findInvitation(forged)).status).toBe('invalid');
		expect((await acceptInvitation(forged, NEW_PASSWORD)).ok).toBe(false);

		const gone = await makePerson({ hasPassword: false, deactivatedAt: new Date() });
		const goneLink = await createInvitation(gone.id, null);
		expect((await findInvitation(goneLink.token)).status).toBe('invalid');
		expect((await acceptInvitation(goneLink.token, NEW_PASSWORD)).ok).toBe(false);
	});

	it('uses a link once even when the form is submitted twice at the same time', async () => {
		const person = await makePerson({ hasPassword: false });
		const { token } = await createInvitation(person.id, null);
		const results = await Promise.all([
			acceptInvitation(token, 'first passphrase here'),
			acceptInvitation(token, 'second passphrase here')
		]);
		expect(results.filter((result) => result.ok)).toHaveLength(1);
	});
});
