import { describe, expect, it } from 'vitest';
import {
	PASSWORD_MAX_LENGTH,
	checkPasswordRules,
	hashPassword,
	verifyPassword
} from '../../src/lib/server/auth/password';

describe('password rules', () => {
	it('needs at least 8 characters, counting characters rather than bytes', () => {
		expect(checkPasswordRules('seven77')).toBe('Use at least 8 characters.');
		expect(checkPasswordRules('eight888')).toBeNull();
		expect(checkPasswordRules('日本語のパス')).toBe('Use at least 8 characters.');
		expect(checkPasswordRules('日本語のパスワード')).toBeNull();
	});

	it('allows long passphrases (at least 64 characters) up to a bound', () => {
		expect(checkPasswordRules('x'.repeat(64))).toBeNull();
		expect(checkPasswordRules('y'.repeat(PASSWORD_MAX_LENGTH))).toBeNull();
		expect(checkPasswordRules('z'.repeat(PASSWORD_MAX_LENGTH + 1))).toBe(
			`Use at most ${PASSWORD_MAX_LENGTH} characters.`
		);
	});

	it('refuses the most common passwords in any case, with no composition rules', () => {
		for (const common of ['password', 'Password1', '12345678', 'QWERTYUIOP', 'iloveyou']) {
			expect(checkPasswordRules(common), common).toMatch(/most commonly used/);
		}
		// Only lower-case letters and spaces: fine, because it is long and uncommon.
		expect(checkPasswordRules('the forklift sings at dawn')).toBeNull();
	});
});

describe('password hashing', () => {
	it('uses argon2id with the OWASP parameters and verifies only the right password', async () => {
		const hash = await hashPassword('the forklift sings at dawn');
		expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(await verifyPassword(hash, 'the forklift sings at dawn')).toBe(true);
		expect(await verifyPassword(hash, 'the forklift sings at dusk')).toBe(false);
		expect(await verifyPassword('not a hash', 'anything')).toBe(false);
	});
});
