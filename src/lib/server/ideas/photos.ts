import { eq } from 'drizzle-orm';
import { PHOTO_MAX_BYTES } from '../../domain/ideas';
import { isUuid } from '../../domain/validation';
import { db } from '../db';
import { ideaPhotos, ideas } from '../db/schema';
import { canViewIdea, loadIdeaVisibility, type Viewer } from './access';
import { loadHierarchy } from './routing';

export type PhotoCheck =
	| { ok: true; contentType: 'image/jpeg' | 'image/png' | 'image/webp' }
	| { ok: false; message: string };

/** Recognises JPEG, PNG and WebP by their first bytes, whatever the file name or browser claims. */
export function checkPhoto(bytes: Uint8Array): PhotoCheck {
	if (bytes.length === 0) return { ok: false, message: 'The photo is empty.' };
	if (bytes.length > PHOTO_MAX_BYTES) {
		const megabytes = (bytes.length / 1024 / 1024).toFixed(1);
		return {
			ok: false,
			message: `The photo is ${megabytes} MB; the limit is 5 MB. Take it again at a lower resolution.`
		};
	}
	const startsWith = (signature: number[], offset = 0) =>
		signature.every((byte, index) => bytes[offset + index] === byte);
	if (startsWith([0xff, 0xd8, 0xff])) return { ok: true, contentType: 'image/jpeg' };
	if (startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
		return { ok: true, contentType: 'image/png' };
	}
	if (startsWith([0x52, 0x49, 0x46, 0x46]) && startsWith([0x57, 0x45, 0x42, 0x50], 8)) {
		return { ok: true, contentType: 'image/webp' };
	}
	return { ok: false, message: 'Use a JPEG, PNG or WebP photo.' };
}

/**
 * Removes the metadata segments (APP1: Exif with GPS position and device, XMP; APP13: IPTC) from a
 * JPEG, keeping the image itself. Photos sent without JavaScript arrive straight from the camera.
 * Returns the bytes unchanged when they are not a well-formed JPEG header.
 */
export function stripJpegMetadata(bytes: Uint8Array): Uint8Array {
	if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return bytes;
	const kept: Uint8Array[] = [bytes.subarray(0, 2)];
	let offset = 2;
	while (offset + 4 <= bytes.length && bytes[offset] === 0xff) {
		const marker = bytes[offset + 1];
		// Start of scan: the compressed image follows to the end; keep it whole.
		if (marker === 0xda) break;
		const length = (bytes[offset + 2] << 8) | bytes[offset + 3];
		if (length < 2 || offset + 2 + length > bytes.length) return bytes;
		const isMetadata = marker === 0xe1 || marker === 0xed;
		if (!isMetadata) kept.push(bytes.subarray(offset, offset + 2 + length));
		offset += 2 + length;
	}
	kept.push(bytes.subarray(offset));
	const result = new Uint8Array(kept.reduce((sum, part) => sum + part.length, 0));
	let position = 0;
	for (const part of kept) {
		result.set(part, position);
		position += part.length;
	}
	return result;
}

/** An idea's photo, only for people allowed to see the idea. */
export async function getIdeaPhoto(
	viewer: Viewer,
	ideaId: string
): Promise<{ contentType: string; bytes: Buffer } | null> {
	if (!isUuid(ideaId)) return null;
	const [row] = await db
		.select({
			authorId: ideas.authorId,
			teamId: ideas.teamId,
			contentType: ideaPhotos.contentType,
			bytes: ideaPhotos.bytes
		})
		.from(ideaPhotos)
		.innerJoin(ideas, eq(ideas.id, ideaPhotos.ideaId))
		.where(eq(ideaPhotos.ideaId, ideaId));
	if (!row) return null;
	const context = { hierarchy: await loadHierarchy(), visibility: await loadIdeaVisibility() };
	return canViewIdea(viewer, row, context)
		? { contentType: row.contentType, bytes: row.bytes }
		: null;
}
