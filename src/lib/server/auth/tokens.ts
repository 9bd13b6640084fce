import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { decodeHex, encodeHexLowerCase } from '@oslojs/encoding';

// 32 characters without look-alikes (no l, o, 0, 1): each character carries 5 bits.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** 24 characters × 5 bits = 120 bits of entropy, as in Lucia's reference. */
export function generateSecureRandomString(): string {
	const bytes = new Uint8Array(24);
	crypto.getRandomValues(bytes);
	let result = '';
	for (const byte of bytes) result += ALPHABET[byte >> 3];
	return result;
}

export function hashSecret(secret: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(secret)));
}

/** Compares a presented secret with a stored hash in constant time. */
export function secretMatchesHash(secret: string, storedHashHex: string): boolean {
	const presented = sha256(new TextEncoder().encode(secret));
	let stored: Uint8Array;
	try {
		stored = decodeHex(storedHashHex);
	} catch {
		return false;
	}
	return stored.length === presented.length && constantTimeEqual(presented, stored);
}

export interface SplitToken {
	id: string;
	secret: string;
}

/** Tokens have the shape `id.secret`; anything else is rejected before touching the database. */
export function splitToken(token: string): SplitToken | null {
	const parts = token.split('.');
	if (parts.length !== 2) return null;
	const [id, secret] = parts;
	const shape = /^[a-z2-9]{24}$/;
	if (!shape.test(id) || !shape.test(secret)) return null;
	return { id, secret };
}
