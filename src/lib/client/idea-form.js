// @ts-check
// The submit page's only JavaScript. That page ships no framework code (it is opened on phones on
// the shop floor, often as the first page, and must load fast), so its form's extras are this plain
// script, served as it is. Without it the form still works; with it, the author sees similar ideas
// while typing a title and a preview of the photo, and the photo is made smaller before it is sent.
(() => {
	const form = document.querySelector('form[data-idea-form]');
	if (!(form instanceof HTMLFormElement)) return;

	suggestSimilarIdeas(form);
	const photo = form.querySelector('input[type="file"][name="photo"]');
	if (photo instanceof HTMLInputElement) previewPhoto(photo, form);
	sendSmallerPhoto(form, photo instanceof HTMLInputElement ? photo : null);

	/** Lists open ideas like the title being typed, to vote on one instead of repeating it. */
	function suggestSimilarIdeas(/** @type {HTMLFormElement} */ form) {
		const title = form.querySelector('input[name="title"]');
		const box = form.querySelector('[data-similar]');
		const list = box?.querySelector('ul');
		if (!(title instanceof HTMLInputElement) || !(box instanceof HTMLElement) || !list) return;
		/** @type {ReturnType<typeof setTimeout> | undefined} */
		let debounce;
		let asked = 0;
		title.addEventListener('input', () => {
			clearTimeout(debounce);
			debounce = setTimeout(async () => {
				const question = ++asked;
				const text = title.value.trim();
				/** @type {{ id: string; title: string; voteCount: number; teamName: string }[]} */
				let ideas = [];
				if (text.length >= 4) {
					try {
						const response = await fetch(`/ideas/similar?q=${encodeURIComponent(text)}`);
						const found = response.ok ? await response.json() : [];
						if (Array.isArray(found)) ideas = found;
					} catch {
						// Offline or signed out: no suggestions, the form still sends.
					}
				}
				if (question !== asked) return; // a later keystroke asked again
				list.replaceChildren(...ideas.map(similarIdeaItem));
				box.hidden = ideas.length === 0;
			}, 300);
		});
	}

	/** `<li><a class="link">Title</a> <span>· Team · 3 votes</span></li>`, as text (never as HTML). */
	function similarIdeaItem(
		/** @type {{ id: string; title: string; voteCount: number; teamName: string }} */ idea
	) {
		const item = document.createElement('li');
		const link = document.createElement('a');
		link.href = `/ideas/${encodeURIComponent(idea.id)}`;
		link.className = 'link';
		link.textContent = idea.title;
		const about = document.createElement('span');
		about.className = 'text-stone-600';
		about.textContent = ` · ${idea.teamName} · ${idea.voteCount} ${idea.voteCount === 1 ? 'vote' : 'votes'}`;
		item.append(link, about);
		return item;
	}

	function previewPhoto(
		/** @type {HTMLInputElement} */ input,
		/** @type {HTMLFormElement} */ form
	) {
		const preview = form.querySelector('img[data-photo-preview]');
		if (!(preview instanceof HTMLImageElement)) return;
		preview.addEventListener('error', () => (preview.hidden = true));
		input.addEventListener('change', () => {
			if (preview.src) URL.revokeObjectURL(preview.src);
			const file = input.files?.[0];
			preview.hidden = !file;
			if (file) preview.src = URL.createObjectURL(file);
			else preview.removeAttribute('src');
		});
	}

	/** Shows that the form is sending (and sends once), with the photo made smaller first. */
	function sendSmallerPhoto(
		/** @type {HTMLFormElement} */ form,
		/** @type {HTMLInputElement | null} */ photo
	) {
		const button = form.querySelector('button:not([type]), button[type="submit"]');
		const label = button?.textContent ?? '';
		let isSending = false;
		form.addEventListener('submit', async (event) => {
			if (event.defaultPrevented) return; // another handler sends it
			if (isSending) {
				event.preventDefault();
				return;
			}
			isSending = true;
			if (button instanceof HTMLButtonElement) {
				button.disabled = true;
				button.textContent = 'Sending…';
			}
			const file = photo?.files?.[0];
			if (!photo || !file) return; // the browser sends the form as it is
			event.preventDefault();
			const smaller = await resizePhoto(file, Number(form.dataset.photoMaxEdge) || 1600);
			if (smaller !== file) {
				try {
					const files = new DataTransfer();
					files.items.add(smaller);
					photo.files = files.files;
				} catch {
					// A browser that cannot replace the file sends the original; the server checks it.
				}
			}
			form.submit();
		});
		// Back to this page from the next one: the form may be sent again.
		window.addEventListener('pageshow', () => {
			isSending = false;
			if (button instanceof HTMLButtonElement) {
				button.disabled = false;
				button.textContent = label;
			}
		});
	}

	/**
	 * Re-draws a phone photo at most `maxEdge` px on its longer side (JPEG), so uploads are quick on
	 * a shop-floor connection and carry no camera metadata (GPS position, device). Returns the
	 * original file when the browser cannot decode it (the server then checks it as sent).
	 */
	async function resizePhoto(/** @type {File} */ file, /** @type {number} */ maxEdge) {
		try {
			const bitmap = await createImageBitmap(file);
			const scale = Math.min(1, maxEdge / Math.max(bitmap.width, bitmap.height));
			const canvas = document.createElement('canvas');
			canvas.width = Math.round(bitmap.width * scale);
			canvas.height = Math.round(bitmap.height * scale);
			canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
			/** @type {Blob | null} */
			const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
			return blob ? new File([blob], 'photo.jpg', { type: 'image/jpeg' }) : file;
		} catch {
			return file;
		}
	}
})();
