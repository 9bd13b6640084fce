import { PHOTO_MAX_EDGE_PX } from './domain/ideas';

/**
 * Re-draws a phone photo in the browser at most 1600 px on its longer side (JPEG), so uploads are
 * quick on a shop-floor connection and carry no camera metadata (GPS position, device). Returns the
 * original file when the browser cannot decode it (the server then checks it as sent).
 */
export async function resizePhoto(file: File): Promise<File> {
	try {
		const bitmap = await createImageBitmap(file);
		const scale = Math.min(1, PHOTO_MAX_EDGE_PX / Math.max(bitmap.width, bitmap.height));
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(bitmap.width * scale);
		canvas.height = Math.round(bitmap.height * scale);
		canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
		const blob = await new Promise<Blob | null>((resolve) =>
			canvas.toBlob(resolve, 'image/jpeg', 0.85)
		);
		return blob ? new File([blob], 'photo.jpg', { type: 'image/jpeg' }) : file;
	} catch {
		return file;
	}
}
