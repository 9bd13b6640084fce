import { describe, expect, it } from 'vitest';
import {
	generateSecureRandomString,
	hashSecret,
	secretMatchesHash,
	splitToken
} from '../../src/lib/server/auth/tokens';

describe('tokens', () => {
	it('generates 24 characters from the unambiguous alphabet, different each time', () => {
		const values = new Set(Array.from({ length: 200 }, generateSecureRandomString));
		expect(values.size).toBe(200);
		for (const value of values) expect(value).toMatch(/^[a-km-np-z2-9]{24}$/);
	});

	it('matches a secret against its SHA-256 hash only', () => {
		const secret = generateSecureRandomString();
		const hash = hashSecret(secret);
		expect(hash).toMatch(/^[0-9a-f]{64}$/);
		expect(secretMatchesHash(secret, hash)).toBe(true);
		expect(secretMatchesHash(generateSecureRandomString(), hash)).toBe(false);
		expect(secretMatchesHash(secret, 'zz')).toBe(false);
		expect(secretMatchesHash(secret, hash.slice(0, 62))).toBe(false);
	});

	it('splits only well-formed id.secret tokens', () => {
		const id = generateSecureRandomString();
		const secret = generateSecureRandomString();
		expect(splitToken(`${id}.${secret}`)).toEqual({ id, secret });
		expect(splitToken(id)).toBeNull();
		expect(splitToken(`${id}.${secret}.x`)).toBeNull();
		expect(splitToken(`${id}.short`)).toBeNull();
		expect(splitToken(`${id.toUpperCase()}.${secret}`)).toBeNull();
	});
});
