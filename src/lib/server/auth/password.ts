import { hash, verify } from '@node-rs/argon2';
import { COMMON_PASSWORDS } from './common-passwords';

export const PASSWORD_MIN_LENGTH = 8;
/** Generous, so passphrases fit; bounded, so hashing cost stays bounded. */
export const PASSWORD_MAX_LENGTH = 256;

// OWASP's argon2id baseline: 19 MiB memory, 2 iterations, 1 lane.
const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

/**
 * The password rules (NIST SP 800-63B): long enough, not absurdly long, not a well-known password.
 * No composition rules. Returns a message for the person, or null when the password is acceptable.
 */
export function checkPasswordRules(password: string): string | null {
	const length = [...password].length;
	if (length < PASSWORD_MIN_LENGTH) {
		return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
	}
	if (length > PASSWORD_MAX_LENGTH) {
		return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
	}
	if (COMMON_PASSWORDS.has(password.toLowerCase())) {
		return 'This password is one of the most commonly used and easy to guess. Choose another.';
	}
	return null;
}

export function hashPassword(password: string): Promise<string> {
	return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real verification, so an unknown account answers no faster than a wrong
 * password and response times don't reveal which accounts exist.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
	dummyHash ??= hashPassword('not-a-real-password-but-the-same-cost');
	await verifyPassword(await dummyHash, password);
	return false;
}
