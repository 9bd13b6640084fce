import { describe, expect, it } from 'vitest';
import { checkPhoto, stripJpegMetadata } from '../../src/lib/server/ideas/photos';

const segment = (marker: number, payload: number[]) => [
	0xff,
	marker,
	(payload.length + 2) >> 8,
	(payload.length + 2) & 0xff,
	...payload
];

describe('photos', () => {
	it('recognises JPEG, PNG and WebP by their bytes, not their names', () => {
		expect(checkPhoto(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toEqual({
			ok: true,
			contentType: 'image/jpeg'
		});
		const webp = new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 ');
		expect(checkPhoto(webp)).toEqual({ ok: true, contentType: 'image/webp' });
		expect(checkPhoto(new TextEncoder().encode('GIF89a'))).toEqual({
			ok: false,
			message: 'Use a JPEG, PNG or WebP photo.'
		});
	});

	it('removes the GPS-bearing Exif and IPTC segments of a JPEG and keeps the image', () => {
		const exif = segment(0xe1, [...new TextEncoder().encode('Exif\0\0'), 1, 2, 3, 4]);
		const iptc = segment(0xed, [9, 9]);
		const jfif = segment(0xe0, [...new TextEncoder().encode('JFIF\0'), 1, 1]);
		const quantisation = segment(0xdb, [0, 1, 2]);
		const scan = [0xff, 0xda, 0x00, 0x04, 7, 7, 0x12, 0x34, 0xff, 0xd9];
		const jpeg = new Uint8Array([0xff, 0xd8, ...jfif, ...exif, ...iptc, ...quantisation, ...scan]);
		expect([...stripJpegMetadata(jpeg)]).toEqual([0xff, 0xd8, ...jfif, ...quantisation, ...scan]);
	});

	it('leaves anything it does not understand untouched', () => {
		const truncated = new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0x40, 0x00, 1, 2]);
		expect(stripJpegMetadata(truncated)).toBe(truncated);
		const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
		expect(stripJpegMetadata(png)).toBe(png);
	});
});
