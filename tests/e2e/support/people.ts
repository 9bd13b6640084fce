/** The demo people the browser tests act as. */
export const E2E_PEOPLE = {
	employee: 'sam@hanami.example',
	manager: 'kenji@hanami.example',
	hr: 'hana@hanami.example',
	admin: 'olivia@hanami.example'
} as const;
export type E2eRole = keyof typeof E2E_PEOPLE;
